/* Copied from Material for MkDocs' partials/javascripts/base.html (MIT licence), so that
   a Content-Security-Policy without 'unsafe-inline' allows it. One change: the scope comes
   from the script tag's data-scope attribute instead of being written into the script.
   tests/test_site_accessibility.py fails when Material's original changes. */
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
