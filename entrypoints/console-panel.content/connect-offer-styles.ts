// px only: the shadow root does not isolate rem from the console's root font size.
export const connectOfferStyles = `
:host { all: initial; }
.gk-offer {
  position: fixed; top: 80px; right: 20px; z-index: 2147483000; box-sizing: border-box;
  width: 400px; max-width: calc(100vw - 40px); padding: 14px 16px; border-radius: 8px;
  background: #fff; color: #1d1d1f; border-left: 4px solid #1565c0; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  font: 14px/20px Roboto, "Helvetica Neue", Arial, sans-serif;
}
.gk-offer h2 { margin: 0 0 6px; font-size: 16px; font-weight: 500; }
.gk-offer p { margin: 0 0 6px; overflow-wrap: anywhere; }
.gk-offer p:empty { display: none; }
.gk-actions { display: flex; gap: 8px; margin: 8px 0 4px; }
button { font: 500 14px/20px Roboto, Arial, sans-serif; padding: 6px 14px; border-radius: 4px; border: 1px solid #1565c0; background: #fff; color: #1565c0; cursor: pointer; }
button.gk-primary { background: #1565c0; color: #fff; }
button:disabled { opacity: 0.5; cursor: default; }
`;
