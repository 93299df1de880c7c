/* Marks the page as scripted before it is first drawn (this file is loaded, blocking, from the head;
   Material's own "js" class comes later, from its bundle at the end of the body). Stylesheets keep room
   for what scripts add after the first paint, such as the Academie's filters, so nothing jumps. */
document.documentElement.classList.add("kb-js");
