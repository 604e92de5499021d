/** The ribbon's notice dialog: shows what the Refresh command reported, and closes on request. */
const params = new URLSearchParams(window.location.search);
const main = document.querySelector("main") as HTMLElement;
main.className = params.get("tone") ?? "success";
(document.getElementById("title") as HTMLElement).textContent = params.get("title") ?? "";
(document.getElementById("message") as HTMLElement).textContent = params.get("message") ?? "";
const close = document.getElementById("close") as HTMLButtonElement;
close.addEventListener("click", () => {
  if (typeof Office !== "undefined" && Office.context?.ui) Office.context.ui.messageParent("close");
  else window.close();
});
close.focus();
export {};
