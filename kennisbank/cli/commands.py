"""The ``kennisbank`` command: check, build and serve the hub.

Library errors become ``click.ClickException`` here, at the edge. Messages for
contributors are Dutch; option help is Dutch as well, since contributors run
``kennisbank check`` themselves.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import logging
import sys
from pathlib import Path

import click

from ..content.aliases import disappeared
from ..content.hub import load_hub
from ..content.model import ItemType, json_schema
from ..content.problems import Problem
from ..content.settings import read_settings
from ..content.taxonomy import load_taxonomy
from ..mkdocs.commands import BuildFailed, build_site, serve_site
from ..outputs.offline import pack
from .collection_init import plan_data_file
from .scaffold import ScaffoldError, course_slugs, plan, write

SCHEMA_PATH = Path("schema/kennisbank.schema.json")


def _root() -> Path:
    return Path.cwd()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kennisbank")
def main() -> None:
    """Kennisbank: bouw en controleer de VNG Kennisbank."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(path_type=Path),
              help="Map met de inhoud.")
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="Uitvoer: tekst, GitHub Actions-annotaties of JSON.")
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path),
              help="MkDocs-configuratie met de instellingen onder extra.kennisbank.")
@click.option("--vorige-site", "previous_site", default=None, type=click.Path(path_type=Path, file_okay=False),
              help="Map van de vorige build (met sitemap.xml): waarschuw voor adressen die verdwijnen.")
def check(paths: tuple[Path, ...], docs_dir: Path, fmt: str, config_file: Path, previous_site: Path | None) -> None:
    """Controleer de inhoud en meld alle problemen tegelijk.

    Zonder PATHS wordt de hele kennisbank gecontroleerd; met PATHS alleen de
    meldingen over die bestanden of mappen (de rest wordt wel gelezen, voor
    controles die de hele kennisbank nodig hebben). Stopt met code 1 bij fouten.

    \b
    Example:
        kennisbank check
        kennisbank check docs/artikelen/regie-warmtetransitie.md
        kennisbank check --format github
        kennisbank check --vorige-site site
    """
    if not docs_dir.is_dir():
        raise click.ClickException(f"map '{docs_dir}' bestaat niet; geef de inhoudsmap op met --docs")
    settings, setting_problems = read_settings(config_file)
    hub = load_hub(docs_dir, _root(), settings)
    hub.problems.extend(setting_problems)
    if previous_site is not None:
        sitemap = previous_site / "sitemap.xml"
        if not sitemap.is_file():
            raise click.ClickException(f"{sitemap.as_posix()} bestaat niet; geef de map van een gebouwde site op")
        hub.problems.extend(disappeared(hub, sitemap.read_text(encoding="utf-8"), sitemap.as_posix(),
                                        settings.site_url or ""))
    wanted = [p.resolve() for p in paths]
    problems = [p for p in hub.problems if not wanted or _under((hub.root / p.path).resolve(), wanted)]
    _report(problems, fmt)
    errors = [p for p in problems if p.severity.is_error()]
    if fmt == "text":
        if errors:
            click.echo(f"{len(errors)} {'fout' if len(errors) == 1 else 'fouten'} gevonden.", err=True)
        else:
            click.echo(f"Geen fouten gevonden in {len(hub.items) + len(hub.drafts)} items.", err=True)
    sys.exit(1 if errors else 0)


def _under(path: Path, roots: list[Path]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _report(problems: list[Problem], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
        return
    for problem in problems:
        if fmt == "github":
            click.echo(github_annotation(problem))
        else:
            click.echo(str(problem))


def github_annotation(problem: Problem) -> str:
    """One GitHub workflow command for a problem, escaped as GitHub's own toolkit escapes it.

    A file name or frontmatter key is contributed text: unescaped, a line break in it would start a new
    workflow command (a forged ``::error`` or a ``::stop-commands::`` that silences the rest of the run).
    """
    level = "error" if problem.severity.is_error() else "warning"
    properties = ",".join(f"{name}={_escape_property(str(value))}" for name, value in (
        ("file", problem.path), ("line", problem.line), ("col", problem.column), ("title", problem.field)))
    return f"::{level} {properties}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    # As escapeData in @actions/core (command.ts).
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # As escapeProperty in @actions/core (command.ts): also ':' and ',', which separate properties.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@main.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path),
              help="MkDocs-configuratie.")
@click.option("-d", "--site-dir", default=None, type=click.Path(path_type=Path), help="Doelmap van de site.")
@click.option("--strict/--no-strict", default=False, show_default=True,
              help="Stop bij elke fout en waarschuwing (voor pull requests), in plaats van de rest te publiceren.")
@click.option("--offline", is_flag=True,
              help="Bouw een kopie om zonder internet te openen (file://) en pak die in als SITE-DIR.zip.")
@click.option("--rapport", "report", default=None, type=click.Path(path_type=Path),
              help="Schrijf wat gepubliceerd en overgeslagen is, met alle meldingen, als JSON naar dit bestand.")
@click.option("--cache-dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Map van de cache met eerder gemaakte PDF's (standaard: extra.kennisbank.cache.dir, "
                   ".cache/kennisbank). Mag altijd worden gewist.")
def build(config_file: Path, site_dir: Path | None, strict: bool, offline: bool, report: Path | None,
          cache_dir: Path | None) -> None:
    """Bouw de site; bij een fout blijft de vorige site staan.

    Zonder --strict wordt alles gepubliceerd wat in orde is: een item met een
    fout (bijvoorbeeld een script) wordt overgeslagen en gemeld, een kapotte
    link wordt gewone tekst. Met --strict (voor pull requests) stopt de bouw bij
    elke fout, net als 'kennisbank check'.

    Met --offline komt de site in site-offline/ (of SITE-DIR) en als zip
    daarnaast: uitpakken en index.html openen; zoeken werkt ook zonder internet.
    PDF's waarvan de inhoud niet veranderde, komen uit de cache; de build meldt
    hoeveel PDF's opnieuw gemaakt en hoeveel hergebruikt zijn.

    \b
    Example:
        kennisbank build
        kennisbank build --strict
        kennisbank build --rapport kennisbank-rapport.json
        kennisbank build --site-dir /tmp/site
        kennisbank build --offline
        kennisbank build --cache-dir /tmp/kennisbank-cache
    """
    _log_to_stderr()
    if offline:
        site_dir = site_dir or Path("site-offline")
    try:
        publication = build_site(config_file, site_dir, strict=strict, offline=offline, cache_dir=cache_dir)
    except BuildFailed as exc:
        raise click.ClickException(f"de site is niet gebouwd: {exc}") from None
    if publication is not None:
        click.echo(publication.summary(), err=True)
        if report is not None:
            _write_report(report, publication.report())
    if offline and site_dir is not None:
        archive = site_dir.with_name(site_dir.name + ".zip")
        count = pack(site_dir, archive)
        click.echo(f"Offline site ingepakt: {archive} ({count} bestanden); open kennisbank/index.html", err=True)


def _write_report(path: Path, report: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    click.echo(f"Rapport geschreven naar {path}", err=True)


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    """``K/N`` with 1 <= K <= N."""
    if value is None:
        return None
    number, _, count = value.partition("/")
    if not (number.strip().isdigit() and count.strip().isdigit()) or not 1 <= int(number) <= int(count):
        raise click.BadParameter(f"'{value}' is geen deel K/N met 1 <= K <= N, bijvoorbeeld 2/4")
    return int(number), int(count)


@main.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path),
              help="MkDocs-configuratie.")
@click.option("-o", "--output", default="kennisbank.pdf", show_default=True, type=click.Path(path_type=Path),
              help="Bestand voor de PDF.")
@click.option("--strict/--no-strict", default=True, show_default=True,
              help="Stop bij elke waarschuwing (zoals 'mkdocs build --strict').")
@click.option("--cache-dir", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Map van de cache (standaard: extra.kennisbank.cache.dir, .cache/kennisbank).")
@click.option("--shard", default=None, metavar="K/N", callback=_shard,
              help="Maak alleen deel K van N van de PDF's van de site, in de cache (voor een CI-matrix); "
                   "'kennisbank build' gebruikt ze daarna.")
def pdf(config_file: Path, output: Path, strict: bool, cache_dir: Path | None,
        shard: tuple[int, int] | None) -> None:
    """Maak één PDF van de hele kennisbank: omslag, inhoudsopgave en alle items per soort.

    Met --shard K/N maakt het commando in plaats daarvan deel K van de PDF's
    bij de pagina's van de site en bewaart die in de cache: N machines vullen
    zo samen de cache, waarna 'kennisbank build' alle PDF's hergebruikt.

    \b
    Example:
        kennisbank pdf
        kennisbank pdf -o /tmp/kennisbank.pdf
        kennisbank pdf --shard 2/4
    """
    _log_to_stderr()
    if shard is not None:
        settings, _ = read_settings(config_file)
        if cache_dir is None and not settings.cache.enabled:
            raise click.ClickException("--shard bewaart de PDF's in de cache, maar die staat uit "
                                       "(extra.kennisbank.cache.enabled: false); geef een map op met --cache-dir")
        try:
            build_site(config_file, strict=strict, cache_dir=cache_dir, shard=shard)
        except BuildFailed as exc:
            raise click.ClickException(f"deel {shard[0]}/{shard[1]} van de PDF's is niet gemaakt: {exc}") from None
        click.echo(f"Deel {shard[0]}/{shard[1]} van de PDF's staat in de cache", err=True)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    try:
        build_site(config_file, strict=strict, whole_pdf=output, cache_dir=cache_dir)
    except BuildFailed as exc:
        raise click.ClickException(f"de PDF is niet gemaakt: {exc}") from None
    click.echo(f"PDF geschreven naar {output} ({output.stat().st_size // 1024} kB)", err=True)


@main.command()
@click.option("-f", "--config-file", default="mkdocs.yml", show_default=True, type=click.Path(path_type=Path))
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, callback=lambda _c, _p, v: _address(v),
              help="Adres en poort.")
def serve(config_file: Path, dev_addr: tuple[str, int]) -> None:
    """Bekijk de site tijdens het schrijven, met automatisch herladen.

    \b
    Example:
        kennisbank serve
        kennisbank serve --dev-addr 127.0.0.1:8001
    """
    _log_to_stderr()
    host, port = dev_addr
    try:
        serve_site(config_file, host, port)
    except OSError as exc:  # the port is taken, or the address is not one of this computer's
        raise click.ClickException(f"kan niet luisteren op {host}:{port} ({exc.strerror or exc}); kies met "
                                   "--dev-addr een ander adres of een andere poort") from None


def _address(value: str) -> tuple[str, int]:
    """``host:port`` for the preview server, or a Dutch error instead of MkDocs' traceback."""
    host, _, port = value.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    try:
        if host != "localhost":
            ipaddress.ip_address(host)
        number = int(port)
        if not 0 < number < 65536:
            raise ValueError(port)
    except ValueError:
        raise click.ClickException(f"--dev-addr: '{value}' is geen geldig adres; schrijf IP-adres:poort, "
                                   "bijvoorbeeld 127.0.0.1:8000") from None
    return host, number


@main.command()
@click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", default=str(SCHEMA_PATH), show_default=True, type=click.Path(path_type=Path),
              help="Bestand voor het JSON Schema; '-' schrijft naar standaarduitvoer.")
def schema(docs_dir: Path, output: Path) -> None:
    """Schrijf het JSON Schema van de frontmatter (voor editors en CI).

    \b
    Example:
        kennisbank schema
        kennisbank schema -o -
    """
    hub = load_hub(docs_dir, _root())
    text = json.dumps(json_schema(hub.taxonomy), ensure_ascii=False, indent=2) + "\n"
    if str(output) == "-":
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(f"JSON Schema geschreven naar {output}", err=True)


_LIST = {"themas", "netwerken", "tags", "auteurs", "gemeenten", "doelgroep", "leerdoelen"}
_QUESTIONS = {
    "titel": "Titel",
    "samenvatting": "Samenvatting (één tot drie zinnen)",
    "themas": "Thema's (slugs, gescheiden door komma's)",
    "auteurs": "Auteur(s) of afdeling (gescheiden door komma's)",
    "gemeenten": "Gemeente(n) (gescheiden door komma's)",
    "contact": "Naam van de contactpersoon of afdeling",
    "doelgroep": "Doelgroep(en): raadsleden, wethouders, burgemeesters, griffiers, gemeentesecretarissen, "
                 "ambtenaren, managers",
    "niveau": "Niveau: basis, gevorderd of expert",
    "duur_minuten": "Studieduur in minuten",
    "leerdoelen": "Leerdoel(en) (gescheiden door komma's)",
}
_REQUIRED = {
    "artikel": ["titel", "samenvatting", "themas", "auteurs"],
    "praktijkvoorbeeld": ["titel", "samenvatting", "themas", "auteurs", "gemeenten", "contact"],
    "cursus": ["titel", "samenvatting", "themas", "auteurs", "doelgroep", "niveau", "duur_minuten", "leerdoelen"],
    "module": ["titel", "samenvatting", "duur_minuten", "leerdoelen"],
}


@main.command()
@click.argument("item_type", metavar="TYPE", type=click.Choice(["artikel", "praktijkvoorbeeld", "cursus", "module"]))
@click.option("--titel", help="Titel van het item; de bestandsnaam wordt daarvan gemaakt.")
@click.option("--samenvatting", help="Eén tot drie zinnen.")
@click.option("--thema", "themas", multiple=True, help="Thema of ontwikkelpunt (slug); mag vaker.")
@click.option("--netwerk", "netwerken", multiple=True, help="Netwerk (slug); mag vaker.")
@click.option("--tag", "tags", multiple=True, help="Vrij trefwoord; mag vaker.")
@click.option("--auteur", "auteurs", multiple=True, help="Auteur of afdeling; mag vaker.")
@click.option("--gemeente", "gemeenten", multiple=True, help="Gemeente (praktijkvoorbeeld); mag vaker.")
@click.option("--contact", help="Naam van de contactpersoon (praktijkvoorbeeld).")
@click.option("--doelgroep", multiple=True, help="Doelgroep (cursus); mag vaker.")
@click.option("--niveau", help="basis, gevorderd of expert (cursus).")
@click.option("--duur", "duur_minuten", type=int, help="Studieduur in minuten (cursus, module).")
@click.option("--leerdoel", "leerdoelen", multiple=True, help="Leerdoel (cursus, module); mag vaker.")
@click.option("--cursus", help="Map van de cursus waar de module bij hoort (module).")
@click.option("--concept", is_flag=True, help="Nog niet publiceren (status: concept).")
@click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(path_type=Path))
def new(item_type: str, docs_dir: Path, cursus: str | None, concept: bool, **answers) -> None:
    """Maak een nieuw item dat meteen door de controle komt.

    Vraagt om wat niet als optie is meegegeven, controleert de antwoorden met
    dezelfde regels als 'kennisbank check' en schrijft het bestand in de juiste
    map, met een bestandsnaam gemaakt van de titel. Een bestaand bestand wordt
    nooit overschreven.

    \b
    Example:
        kennisbank new artikel
        kennisbank new artikel --titel "Regie op de warmtetransitie" \\
            --samenvatting "Hoe gemeenten regie nemen." --thema klimaat-energie --auteur "VNG Kennishub"
        kennisbank new praktijkvoorbeeld --gemeente Zwolle --contact "Team Schulden"
        kennisbank new module --cursus samenwerken-in-de-regio
    """
    if not docs_dir.is_dir():
        raise click.ClickException(f"map '{docs_dir}' bestaat niet; geef de inhoudsmap op met --docs")
    taxonomy, _ = load_taxonomy(docs_dir.resolve(), _root().resolve())
    if item_type == "module" and not cursus:
        courses = course_slugs(docs_dir)
        cursus = click.prompt(f"Cursus ({', '.join(courses) or 'nog geen'})")
    for name in _REQUIRED[item_type]:
        if answers.get(name) in (None, ()):
            if name == "themas":
                click.echo("Thema's: " + ", ".join(taxonomy.themes), err=True)
            answer = click.prompt(_QUESTIONS[name], err=True)
            answers[name] = [a.strip() for a in answer.split(",") if a.strip()] if name in _LIST else answer
    answers = {k: (list(v) if isinstance(v, tuple) else v) for k, v in answers.items()}
    if answers.get("contact"):
        answers["contact"] = {"naam": answers["contact"]}
    if item_type != "module":
        answers["gepubliceerd"] = dt.date.today()
    if concept:
        answers["status"] = "concept"
    try:
        item = plan(ItemType(item_type), answers, docs_dir, taxonomy, course=cursus)
        path = write(item, docs_dir, _root(), taxonomy)
    except ScaffoldError as exc:
        raise click.ClickException("het bestand is niet gemaakt:\n  " + "\n  ".join(exc.lines)) from None
    click.echo(f"Geschreven: {path.as_posix()}")
    click.echo("Vul de tekst aan en controleer met: kennisbank check " + path.as_posix(), err=True)


@main.group()
def collectie() -> None:
    """Collecties: bestaande Markdown van een organisatie, in haar eigen mappenstructuur.

    \b
    Example:
        kennisbank collectie init docs/collecties/<naam>
    """


@collectie.command("init")
@click.argument("folder", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--docs", "docs_dir", default="docs", show_default=True, type=click.Path(path_type=Path))
@click.option("--naam", help="Naam van de collectie (anders: de titel van de startpagina).")
@click.option("--organisatie", help="Organisatie die de inhoud beheert.")
@click.option("--licentie", help="Licentie van de inhoud, bijvoorbeeld 'CC BY 4.0' (anders: uit LICENSE).")
def collectie_init(folder: Path, docs_dir: Path, naam: str | None, organisatie: str | None,
                   licentie: str | None) -> None:
    """Bekijk een map docs/collecties/<naam> en schrijf het gegevensbestand van de collectie.

    Meldt wat er gevonden is: de schrijfwijze (mkdocs of docusaurus), de
    velden van de bron die de kennisbank gebruikt, thema's die bij de tekst
    passen, wat wordt omgezet en welke pagina's worden overgeslagen. Een
    bestaand gegevensbestand wordt nooit overschreven.

    \b
    Example:
        kennisbank collectie init docs/collecties/<naam>
        kennisbank collectie init docs/collecties/<naam> --organisatie "Regio Voorbeeld" --licentie "CC0 1.0"
    """
    if not docs_dir.is_dir():
        raise click.ClickException(f"map '{docs_dir}' bestaat niet; geef de inhoudsmap op met --docs")
    plan = plan_data_file(folder, docs_dir, _root(), naam, organisatie, licentie,
                          ask=lambda question: click.prompt(question, err=True))
    plan.target.parent.mkdir(parents=True, exist_ok=True)
    plan.target.write_text(plan.text, encoding="utf-8")
    click.echo(f"Geschreven: {plan.target.as_posix()}")
    for line in plan.summary:
        click.echo(line, err=True)
    click.echo("Controleer het bestand (vooral de thema's) en daarna de inhoud met: kennisbank check", err=True)


def _log_to_stderr() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
