// The browser side of a qwidgets panel (loaded by anywidget; see frontend.py).
//
// 1. Names each slider handle (role="slider") after the slider's visible label, so that
//    screen readers announce "θ, slider, 0.79" and axe's aria-input-field-name rule holds; a
//    disabled slider's handle leaves the Tab order. Gives each picture its text alternative as
//    alt text (the panel's tooltip, i.e. its summary, which ipywidgets shows only as a title),
//    and makes the summary's box a live region: the box stays while ipywidgets replaces its
//    content, so screen readers announce each new summary.
// 2. Lets the arrow keys reach a focused slider handle (Notebook 7) or menu (JupyterLab and
//    Notebook 7). The page's command-mode shortcuts run first: Notebook 7 listens to keydown in
//    the capture phase (ArrowRight moves to the next heading), and JupyterLab's ArrowDown on a
//    menu selects the next cell and moves the focus there, the menu unchanged. Lumino skips every
//    shortcut whose target carries data-lm-suppress-shortcuts; the attribute is set only while
//    a navigation key is being dispatched to such a control, so Shift+Enter, Escape and the rest
//    keep working there.

const SUPPRESS = "data-lm-suppress-shortcuts";
const NAVIGATION_KEYS = new Set([
  "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown",
]);
// The controls that use those keys themselves.
const NAVIGABLE = '.qwidgets-panel [role="slider"], .qwidgets-panel select';

function freeNavigationKeys(event) {
  const target = event.target;
  if (!NAVIGATION_KEYS.has(event.key) || !(target instanceof Element) || !target.matches(NAVIGABLE)) {
    return;
  }
  target.setAttribute(SUPPRESS, "");
  setTimeout(() => target.removeAttribute(SUPPRESS), 0);
}

function setAttribute(el, name, value) {
  if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

function nameHandles(panel) {
  for (const handle of panel.querySelectorAll('[role="slider"]')) {
    const label = handle.closest(".widget-slider")?.querySelector(".widget-label");
    const name = label?.textContent.trim();
    if (name) {
      setAttribute(handle, "aria-label", name);
    }
    // ipywidgets disables a slider on its track only: its handle stayed a Tab stop that
    // ignores the keys. Like a disabled button, it leaves the Tab order, and says why.
    const disabled = handle.closest(".noUi-target")?.hasAttribute("disabled") ?? false;
    setAttribute(handle, "tabindex", disabled ? "-1" : "0");
    setAttribute(handle, "aria-disabled", String(disabled));
  }
}

function describePictures(panel) {
  for (const img of panel.querySelectorAll("img")) {
    if (img.title) {
      setAttribute(img, "alt", img.title);
    }
  }
}

function announceSummary(panel) {
  for (const box of panel.querySelectorAll(".qwidgets-live")) {
    setAttribute(box, "aria-live", "polite");
    setAttribute(box, "aria-atomic", "true");
  }
}

function describe(panel) {
  nameHandles(panel);
  describePictures(panel);
  announceSummary(panel);
}

function watch(el) {
  const panel = el.closest(".qwidgets-panel");
  if (!panel) {
    return null;
  }
  describe(panel);
  const observer = new MutationObserver(() => describe(panel));
  // A picture's title changes with the summary, a slider's track is disabled and enabled again:
  // watch both (the attributes set here are not watched).
  const watched = ["title", "disabled"];
  observer.observe(panel, { childList: true, subtree: true, attributes: true, attributeFilter: watched });
  return observer;
}

export default {
  initialize() {
    // Window capture runs before Lumino's document listener; install it once per page.
    if (!window.__qwidgetsNavigationKeys) {
      window.__qwidgetsNavigationKeys = true;
      window.addEventListener("keydown", freeNavigationKeys, true);
    }
  },
  render({ el }) {
    // The view is attached to the panel after render() returns: wait for it.
    let observer = null;
    let tries = 0;
    const start = () => {
      observer = watch(el);
      if (!observer && tries++ < 200) {
        timer = setTimeout(start, 50);
      }
    };
    let timer = setTimeout(start, 0);
    return () => {
      clearTimeout(timer);
      observer?.disconnect();
    };
  },
};
