// The web part: a <maturity-matrix> element in the web part's box, its attributes from the
// property pane, its storage key named after the page (or Teams tab) and the web part instance,
// its colours from the SharePoint theme where they keep the contrast rules. The element itself
// comes from the release files in this package (loadElement.ts).
import { Version } from "@microsoft/sp-core-library";
import {
  IPropertyPaneConfiguration,
  IPropertyPaneDropdownOption,
  PropertyPaneDropdown,
  PropertyPaneTextField,
  PropertyPaneToggle,
} from "@microsoft/sp-property-pane";
import { BaseClientSideWebPart } from "@microsoft/sp-webpart-base";
import type { IReadonlyTheme } from "@microsoft/sp-component-base";

import { loadElement } from "./loadElement";
import { IPlace, storageKey, USER_KEY_PATTERN } from "./storageKey";
import { themeProperties } from "./theme";

/** The web part's properties, as the page stores them. */
export interface IMaturityMatrixWebPartProps {
  /** A built-in instrument's id, or "file" for the matrix at `instrumentSrc`. */
  instrument: string;
  /** The address of a matrix file in this tenant (same origin as the page). */
  instrumentSrc: string;
  board: boolean;
  headingLevel: number;
  hideTitle: boolean;
  /** The editor's name for this assessment round (optional). */
  storageKey: string;
}

const BUILT_IN: IPropertyPaneDropdownOption[] = [
  { key: "nhs-impact", text: "NHS IMPACT (built in)" },
  { key: "board-improvement-leadership", text: "Board improvement leadership (built in)" },
  { key: "file", text: "A matrix file in this SharePoint" },
];

export default class MaturityMatrixWebPart extends BaseClientSideWebPart<IMaturityMatrixWebPartProps> {
  private _element: HTMLElement | undefined;
  private _message: HTMLParagraphElement | undefined;
  private _place: IPlace = {};
  private _theme: IReadonlyTheme | undefined;
  private _loadProblem = "";

  protected async onInit(): Promise<void> {
    await super.onInit();
    this._place = await this._findPlace();
  }

  public render(): void {
    if (!this._element) {
      this._element = document.createElement("maturity-matrix");
      // Shown until the element starts (its shadow root then hides it), or if it cannot.
      const waiting = document.createElement("p");
      waiting.textContent = "The self-assessment is loading…";
      this._element.appendChild(waiting);
      this._message = document.createElement("p");
      this._message.setAttribute("role", "alert");
      this._message.hidden = true;
      this.domElement.replaceChildren(this._message, this._element);
      loadElement(this._assetBases()).catch((error: Error) => {
        this._loadProblem = error.message;
        this._say(error.message);
      });
    }
    this._applyProperties(this._element);
    this._applyTheme();
  }

  protected onThemeChanged(theme: IReadonlyTheme | undefined): void {
    this._theme = theme;
    this._applyTheme();
  }

  protected onDispose(): void {
    // Removing the element destroys its app (the element's disconnectedCallback).
    this._element?.remove();
    this._element = undefined;
    super.onDispose();
  }

  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    // The file's address can be typed only once "A matrix file" is chosen.
    if (propertyPath === "instrument") this.context.propertyPane.refresh();
  }

  protected get dataVersion(): Version {
    return Version.parse("1.0");
  }

  /** The directories SharePoint serves this package's files from, in the order its own loader
   * tries them. */
  private _assetBases(): string[] {
    const bases = this.context.manifest.loaderConfig.internalModuleBaseUrls || [];
    return bases.map((base) => (base.endsWith("/") ? base : base + "/"));
  }

  private _applyProperties(element: HTMLElement): void {
    const props = this.properties;
    const set = (name: string, value: string | undefined): void => {
      if (value === undefined) element.removeAttribute(name);
      else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
    };
    let problem = "";
    if (props.instrument === "file") {
      const src = (props.instrumentSrc || "").trim();
      problem = sameTenantProblem(src);
      set("instrument", undefined);
      set("instrument-src", problem ? undefined : src);
    } else {
      set("instrument-src", undefined);
      set("instrument", props.instrument || "nhs-impact");
    }
    set("board", props.board ? "" : undefined);
    set("heading-level", String(headingLevel(props.headingLevel)));
    set("hide-title", props.hideTitle ? "" : undefined);
    const userKey = (props.storageKey || "").trim();
    if (!USER_KEY_PATTERN.test(userKey)) problem = problem || "The assessment round's name may hold only letters, digits and dashes.";
    set("storage-key", storageKey(this._place, this.context.instanceId, USER_KEY_PATTERN.test(userKey) ? userKey : ""));
    this._say(problem || this._loadProblem);
  }

  private _applyTheme(): void {
    if (!this._element) return;
    const chosen = themeProperties(this._theme);
    for (const property of ["--maturity-matrix-primary", "--maturity-matrix-text", "--maturity-matrix-secondary-text", "--maturity-matrix-background", "--maturity-matrix-border"]) {
      // The CSSOM, not a style attribute: allowed under any style policy.
      if (chosen[property]) this._element.style.setProperty(property, chosen[property]);
      else this._element.style.removeProperty(property);
    }
  }

  /** Shows `text` above the element (an empty text hides it). */
  private _say(text: string): void {
    if (!this._message) return;
    this._message.textContent = text;
    this._message.hidden = !text;
  }

  /** The page, or in Teams the tab, that this web part is on. */
  private async _findPlace(): Promise<IPlace> {
    const teams = this.context.sdks.microsoftTeams;
    if (teams) {
      try {
        const context = await teams.teamsJs.app.getContext();
        return {
          teams: true,
          teamsConversation: (context.channel && context.channel.id) || (context.chat && context.chat.id) || undefined,
          teamsPage: context.page && context.page.id,
        };
      } catch {
        return { teams: true };
      }
    }
    const page = this.context.pageContext;
    return {
      listId: page.list ? page.list.id.toString() : undefined,
      itemId: page.listItem ? page.listItem.id : undefined,
      path: page.site.serverRequestPath,
    };
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const fromFile = this.properties.instrument === "file";
    return {
      pages: [
        {
          header: { description: "Answers stay in each person's browser, under this page and this web part." },
          groups: [
            {
              groupName: "Matrix",
              groupFields: [
                PropertyPaneDropdown("instrument", { label: "Matrix", options: BUILT_IN, selectedKey: this.properties.instrument || "nhs-impact" }),
                PropertyPaneTextField("instrumentSrc", {
                  label: "Address of the matrix file",
                  description: "A matrix file (.json) in a library of this SharePoint, e.g. /sites/quality/Shared Documents/our-matrix.json",
                  disabled: !fromFile,
                  onGetErrorMessage: (value: string) => (fromFile ? sameTenantProblem((value || "").trim()) : ""),
                }),
              ],
            },
            {
              groupName: "Display",
              groupFields: [
                PropertyPaneToggle("board", {
                  label: "Board mode",
                  onText: "On: board and system views for a facilitator's page",
                  offText: "Off: a rater's page",
                }),
                PropertyPaneDropdown("headingLevel", {
                  label: "Heading level of the title",
                  options: [1, 2, 3, 4, 5].map((level) => ({ key: level, text: `Heading ${level}` })),
                  selectedKey: headingLevel(this.properties.headingLevel),
                }),
                PropertyPaneToggle("hideTitle", { label: "Hide the title (the page's heading already names it)" }),
              ],
            },
            {
              groupName: "Saved answers",
              groupFields: [
                PropertyPaneTextField("storageKey", {
                  label: "Name of this assessment round (optional)",
                  description:
                    "Letters, digits and dashes, e.g. board-2027. A new name starts a fresh assessment in this web part; " +
                    "the answers under the earlier name stay in each person's browser.",
                  onGetErrorMessage: (value: string) =>
                    USER_KEY_PATTERN.test((value || "").trim()) ? "" : "Use only letters, digits and dashes (at most 64).",
                }),
              ],
            },
          ],
        },
      ],
    };
  }
}

/** The heading level to use: 1 to 5, 2 when unset or out of range. */
function headingLevel(value: number | undefined): number {
  const level = Number(value);
  return level >= 1 && level <= 5 ? Math.floor(level) : 2;
}

/** Why `src` cannot be the matrix's address, or "" when it can: it must be on this page's own
 * origin (this SharePoint), because the element fetches it with the person's sign-in and no
 * other site is asked for anything. */
export function sameTenantProblem(src: string): string {
  if (!src) return "Give the address of the matrix file.";
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    return "This is not an address.";
  }
  if (url.origin !== window.location.origin) {
    return `The matrix file must be in this SharePoint (${window.location.origin}); upload it to a library here and give its address.`;
  }
  return "";
}
