// The browser engines the journeys run in, each from Debian's packages. Chromium and WebKitGTK
// are driven through their own W3C WebDriver servers (webdriver.mjs); Firefox speaks WebDriver
// BiDi itself (bidi.mjs), so it needs no driver program. Nothing here downloads a browser or a
// driver: if one is missing, `scripts/setup.sh test` installs it.
//
// Per engine there is only what differs: the driver binary (or, for a BiDi engine, the browser
// itself), the capabilities or preferences that make the browser headless, quiet and offline,
// and where it saves downloads.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { BiDiSession } from "./bidi.mjs";
import { WebDriverSession } from "./webdriver.mjs";
import { waitUntil } from "./wait.mjs";

/** Every engine, by name: the files it `needs`; either the `driver` command that serves
 * classic WebDriver on `port` and the session's `capabilities`, or (for an engine that speaks
 * WebDriver BiDi itself) the `browser` command for a `profile` folder and the `prefs` written
 * into it; optionally extra `environment` for the process and a way to `emulateTouchScreen`. */
export const ENGINES = {
  chromium: {
    label: "Chromium",
    needs: ["/usr/bin/chromium", "/usr/bin/chromedriver"],
    driver: (port) => ["/usr/bin/chromedriver", [`--port=${port}`]],
    capabilities: ({ downloads }) => ({
      browserName: "chrome",
      "goog:chromeOptions": {
        binary: "/usr/bin/chromium",
        args: [
          "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage",
        ],
        prefs: { "download.default_directory": downloads, "download.prompt_for_download": false },
      },
    }),
    // DevTools' touch emulation, reached through ChromeDriver.
    emulateTouchScreen: (session, enabled) => session.command("POST", "goog/cdp/execute", {
      cmd: "Emulation.setTouchEmulationEnabled", params: { enabled, maxTouchPoints: 5 },
    }),
  },
  firefox: {
    label: "Firefox ESR",
    needs: ["/usr/bin/firefox-esr"],
    // Firefox's Remote Agent serves WebDriver BiDi on a port it picks (0) and prints the address.
    // System access lets emulateTouchScreen set the pointer preferences while the browser runs.
    browser: (profile) => ["/usr/bin/firefox-esr", [
      "--headless", "--no-remote", "--profile", profile, "--remote-debugging-port", "0", "--remote-allow-system-access",
    ]],
    // The Remote Agent applies its own recommended preferences for automation when it starts
    // (no telemetry, remote settings or update checks); these are the ones needed on top.
    prefs: ({ downloads }) => ({
      // Of what geckodriver writes into the profiles it makes, what the Remote Agent leaves
      // alone: start on a blank page (the home page would load the new-tab page and its feeds),
      // no plugin or install-time update checks, no tours, idle-time work or hang reports.
      "browser.startup.page": 0,
      "media.gmp-manager.updateEnabled": false,
      "app.update.checkInstallTime": false,
      "browser.uitour.enabled": false,
      "browser.webapps.checkForUpdates": 0,
      "media.sanity-test.disabled": true,
      "idle.lastDailyNotification": -1,
      "hangmonitor.timeout": 0,
      "browser.newtabpage.activity-stream.asrouter.providers.cfr": "null",
      "browser.newtabpage.activity-stream.asrouter.providers.message-groups": "null",
      "browser.newtabpage.activity-stream.asrouter.providers.messaging-experiments": "null",
      "browser.newtabpage.activity-stream.discoverystream.config": "[]",
      "browser.newtabpage.activity-stream.fxaccounts.endpoint": "",
      "browser.newtabpage.activity-stream.tippyTop.service.endpoint": "",
      // Offline and quiet: no updates, telemetry, safe-browsing lists or first-run pages.
      "app.update.enabled": false,
      "browser.shell.checkDefaultBrowser": false,
      "browser.safebrowsing.downloads.enabled": false,
      "browser.safebrowsing.malware.enabled": false,
      "browser.safebrowsing.phishing.enabled": false,
      "datareporting.policy.dataSubmissionEnabled": false,
      "network.captive-portal-service.enabled": false,
      "network.connectivity-service.enabled": false,
      "browser.download.dir": downloads,
      "browser.download.folderList": 2,
      "browser.download.useDownloadDir": true,
      "browser.download.always_ask_before_handling_new_types": false,
      "browser.download.manager.showWhenStarting": false,
      "browser.helperApps.neverAsk.saveToDisk": "application/json,text/csv,text/plain",
    }),
    // The look-and-feel preferences behind (pointer) and (hover): 1 is "coarse, no hover".
    // Firefox ESR 153 has no BiDi command for this (emulation.setTouchOverride is unknown to it),
    // so the preferences are set from the browser's own window, which takes effect at once.
    emulateTouchScreen: (session, enabled) => session.executeInBrowser(`
      for (const name of ["ui.primaryPointerCapabilities", "ui.allPointerCapabilities"]) {
        if (arguments[0]) Services.prefs.setIntPref(name, 1); else Services.prefs.clearUserPref(name);
      }`, [enabled]),
  },
  webkit: {
    label: "WebKitGTK",
    needs: ["/usr/bin/WebKitWebDriver", "/usr/bin/xvfb-run"],
    // WebKitGTK has no headless mode: the driver and the browser it starts share a virtual
    // X display from xvfb-run.
    driver: (port) => ["/usr/bin/xvfb-run", ["-a", "-s", "-screen 0 1920x1440x24", "/usr/bin/WebKitWebDriver", `--port=${port}`]],
    capabilities: () => ({
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { args: ["--automation"] },
    }),
    // MiniBrowser saves downloads straight into the home folder (there is no XDG download
    // folder configured), so the downloads folder is its HOME; its caches go elsewhere.
    environment: ({ downloads, scratch }) => ({ HOME: downloads, XDG_CACHE_HOME: path.join(scratch, "cache"), XDG_DATA_HOME: path.join(scratch, "data") }),
    // No emulateTouchScreen: WebKitGTK has no way to emulate a coarse pointer.
  },
};

/** The engines to run: all of them, or those named in $ENGINES (comma-separated). */
export function selectedEngines() {
  const names = (process.env.ENGINES ?? Object.keys(ENGINES).join(",")).split(",").map((n) => n.trim()).filter(Boolean);
  for (const name of names) if (!ENGINES[name]) throw new Error(`unknown engine ${name}; known: ${Object.keys(ENGINES).join(", ")}`);
  return names;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject).listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `name`'s driver (or, for a BiDi engine, the browser) and one browser session in it.
 * Resolves to `{ session, downloads, stop }`; `downloads` is the folder the browser saves files
 * to, and `session` offers the same methods whichever protocol it speaks. */
export async function startEngine(name) {
  const engine = ENGINES[name];
  const missing = engine.needs.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`${engine.label} is not installed (no ${missing.join(", ")}); run scripts/setup.sh test`);
  const scratch = mkdtempSync(path.join(tmpdir(), `mm-${name}-`));
  const downloads = path.join(scratch, "downloads");
  mkdirSync(downloads);
  let port;
  let command;
  let args;
  if (engine.browser) {
    const profile = path.join(scratch, "profile");
    mkdirSync(profile);
    // A JSON string is also a valid string in Firefox's preference files.
    writeFileSync(path.join(profile, "user.js"), Object.entries(engine.prefs({ downloads }))
      .map(([pref, value]) => `user_pref(${JSON.stringify(pref)}, ${JSON.stringify(value)});\n`).join(""));
    [command, args] = engine.browser(profile);
  } else {
    port = await freePort();
    [command, args] = engine.driver(port);
  }
  const log = [];
  let heard = ""; // everything said until a BiDi browser has said where it listens
  let listening = null;
  // Its own process group, so stopping it also ends the browser and the X server under it.
  const driver = spawn(command, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, HOME: scratch, TMPDIR: scratch, ...engine.environment?.({ downloads, scratch }) },
  });
  // The last of what it said, to explain a driver that does not start; a BiDi browser says
  // there where it listens.
  for (const stream of [driver.stdout, driver.stderr]) {
    stream.on("data", (chunk) => {
      if (engine.browser && !listening) listening = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec((heard += chunk))?.[1] ?? null;
      if (log.push(String(chunk)) > 40) log.shift();
    });
  }
  let exited = null;
  const gone = new Promise((resolve) => driver.once("exit", (code, signal) => resolve((exited = `exited with ${code ?? signal}`))));
  const stop = async () => {
    try {
      process.kill(-driver.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await gone;
    // The browser's own processes leave after the driver: wait for the whole group to go
    // before removing the profile they write to.
    await waitUntil(() => {
      try {
        process.kill(-driver.pid, 0);
        return false;
      } catch {
        return true;
      }
    }, { timeout: 20_000, what: `${engine.label}'s processes to exit` });
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    let session;
    if (engine.browser) {
      const address = await waitUntil(() => {
        if (exited) throw new Error(`${engine.label} ${exited}: ${log.join("")}`);
        return listening;
      }, { timeout: 20_000, what: `${engine.label}'s WebDriver BiDi server to start` });
      session = await BiDiSession.create(address);
    } else {
      const driverUrl = `http://127.0.0.1:${port}/`;
      await waitUntil(async () => {
        if (exited) throw new Error(`${engine.label}'s driver ${exited}: ${log.join("")}`);
        try {
          return (await (await fetch(new URL("status", driverUrl))).json()).value?.ready;
        } catch {
          return false;
        }
      }, { timeout: 20_000, what: `${engine.label}'s WebDriver server to start` });
      session = await WebDriverSession.create(driverUrl, engine.capabilities({ downloads }));
    }
    return {
      session,
      downloads,
      stop: async () => {
        await session.close().catch(() => {}); // the driver may already have quit the browser
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
