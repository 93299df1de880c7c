/* Copied unchanged from Material for MkDocs' partials/javascripts/content.html (MIT licence), so that
   a Content-Security-Policy without 'unsafe-inline' allows it. tests/test_site_accessibility.py
   fails when Material's original changes. */
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
