// Who the app is to Windows. The AppUserModelID ties toasts, the taskbar and the Start menu
// shortcut together: it must equal electron-builder.yml's appId, which NSIS writes into the
// shortcut (a test checks they agree). The toast activator CLSID is the COM class Windows starts
// for a toast activated from the Action Center: fixed, so the shortcut and registry entries
// Electron writes for it stay valid from one run (and version) to the next.
export const APP_USER_MODEL_ID = 'com.ucwatray.app';
export const TOAST_ACTIVATOR_CLSID = '{6F2A8E0C-4B1D-4C57-9E3A-2D7B5C8F1A94}';
