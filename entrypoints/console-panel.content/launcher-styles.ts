// px only: the shadow root does not isolate rem from the console's root font size.
export const launcherStyles = `
:host { all: initial; }
.gk-launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  padding: 8px 14px; border: 0; border-radius: 20px;
  background: #1565c0; color: #fff; font: 500 14px/20px Roboto, "Helvetica Neue", Arial, sans-serif;
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.3); cursor: pointer;
}
.gk-launcher:focus-visible { outline: 3px solid #ffb300; outline-offset: 2px; }
.gk-launcher-count {
  min-width: 20px; padding: 0 6px; border-radius: 10px;
  background: #fff; color: #1565c0; font-weight: 700; text-align: center;
}
.gk-launcher-count[hidden] { display: none; }
.gk-drawer {
  position: fixed; right: 20px; bottom: 68px; z-index: 2147483000;
  width: 440px; max-width: calc(100vw - 40px); max-height: calc(100vh - 120px); overflow: auto;
  background: #fff; color: #1d1d1f; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
}
.gk-drawer[hidden] { display: none; }
.gk-launcher-error {
  position: fixed; right: 20px; bottom: 68px; z-index: 2147483000; max-width: 360px; margin: 0;
  padding: 10px 14px; border-radius: 6px; background: #fdecea; color: #611a15;
  font: 14px/20px Roboto, Arial, sans-serif;
}
.gk-launcher-error[hidden] { display: none; }
`;
