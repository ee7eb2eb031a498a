// The portal's own start-up script: no inline scripts anywhere (strict CSP).
document.addEventListener("DOMContentLoaded", function () {
  if (window.DKFDS) {
    window.DKFDS.init();
  }
});
