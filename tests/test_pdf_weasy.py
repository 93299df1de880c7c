"""WeasyPrint is loaded once, when something is to be rendered, without starting a compiler or linker.

Each case runs in a fresh interpreter, since a process imports WeasyPrint only once.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

LIBRARIES = textwrap.dedent("""
    import json, re
    mapped = sorted({line.split()[-1] for line in open("/proc/self/maps")
                     if re.search(r"lib(pango|pangoft2|harfbuzz|gobject|fontconfig)[-.]", line)})
""")


def fresh(*code: str) -> dict:
    """Run the pieces of ``code`` in a new interpreter; the last prints one JSON object."""
    program = "\n".join(textwrap.dedent(piece) for piece in code)
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library search is cut short on Linux only")
def test_weasyprint_loads_the_same_libraries_without_running_a_process():
    loaded = fresh("""
        import subprocess
        started = []
        original = subprocess.Popen.__init__
        def record(self, args, *rest, **options):
            started.append(str(args))
            original(self, args, *rest, **options)
        subprocess.Popen.__init__ = record
        from kennisbank.outputs.pdf.weasy import load
        weasyprint = load()
        assert load() is weasyprint
    """, LIBRARIES, """
        print(json.dumps({"started": started, "mapped": mapped, "html": hasattr(weasyprint, "HTML")}))
    """)
    plain = fresh("import weasyprint", LIBRARIES, "print(json.dumps({'mapped': mapped}))")
    assert loaded["started"] == []  # before: ldconfig, gcc and ld, ~200 processes
    assert loaded["html"]
    assert len(loaded["mapped"]) >= 4  # pango, pangoft2, harfbuzz, gobject, fontconfig
    assert loaded["mapped"] == plain["mapped"]


def test_weasyprint_still_loads_where_the_libraries_have_other_names():
    """A system where none of the sonames WeasyPrint lists loads: it searches for them as it would alone."""
    loaded = fresh("""
        import ctypes.util
        import cffi
        search = ctypes.util.find_library
        original = cffi.FFI.dlopen
        def dlopen(self, name, *args):
            if ctypes.util.find_library is not search:  # the shortcut is on: no name loads
                raise OSError(f"cannot load library {name!r}")
            return original(self, name, *args)
        cffi.FFI.dlopen = dlopen
        from kennisbank.outputs.pdf.weasy import load
        weasyprint = load()
        from weasyprint.text.fonts import FontConfiguration
        FontConfiguration()
        import json
        print(json.dumps({"html": hasattr(weasyprint, "HTML"), "search": ctypes.util.find_library is search}))
    """)
    assert loaded == {"html": True, "search": True}
