// What the MiniHost runtime gives an app's code: the globals, App, Page, Component, Behavior and
// the events the view layer sends (docs/api.md, docs/view.md). The `wx`/`mp` members follow.

declare namespace MiniHost {
  type IAnyObject = Record<string, any>;

  /** `App.onLaunch`/`onShow` options and `wx.getLaunchOptionsSync()`. */
  interface LaunchOptions {
    path: string;
    query: Record<string, string | undefined>;
    /** A number as in WeChat, or `'chat'` when launched from a conversation (`--conversation`). */
    scene: number | string;
    referrerInfo?: IAnyObject;
    conversationId?: string;
    [key: string]: any;
  }

  interface AppOptions {
    onLaunch?(options: LaunchOptions): void;
    onShow?(options: LaunchOptions): void;
    onHide?(): void;
    onError?(error: string): void;
    onPageNotFound?(res: { path: string; query: Record<string, string | undefined>; isEntryPage: boolean }): void;
    onUnhandledRejection?(res: { reason: any; promise: Promise<any> }): void;
    onThemeChange?(res: { theme: 'light' | 'dark' }): void;
  }

  interface EventTarget {
    id: string;
    dataset: IAnyObject;
    offsetLeft: number;
    offsetTop: number;
  }

  interface Touch {
    identifier: number;
    pageX: number;
    pageY: number;
    clientX: number;
    clientY: number;
  }

  /** An event a handler in a template (`bindtap="onTap"`) or a component's `triggerEvent` sends. */
  interface CustomEvent<Detail = IAnyObject, Mark = IAnyObject> {
    type: string;
    timeStamp: number;
    target: EventTarget;
    currentTarget: EventTarget;
    mark: Mark;
    detail: Detail;
    touches?: Touch[];
    changedTouches?: Touch[];
  }
  type TapEvent = CustomEvent<{ x: number; y: number }>;
  type InputEvent = CustomEvent<{ value: string; cursor: number; keyCode: number }>;
  type ChangeEvent<T = any> = CustomEvent<{ value: T }>;

  /** What `this` is in a page's methods. */
  interface PageInstance<D extends IAnyObject = IAnyObject> {
    /** A page is an open object: its methods may keep their own fields on it. */
    [field: string]: any;
    data: D;
    route: string;
    options: Record<string, string | undefined>;
    setData(data: Partial<D> & IAnyObject, callback?: () => void): void;
    selectComponent(selector: string): ComponentInstance | null;
    selectAllComponents(selector: string): ComponentInstance[];
    createSelectorQuery(): SelectorQuery;
    getOpenerEventChannel(): IAnyObject;
  }

  interface PageLifetimes {
    onLoad?(query: Record<string, string | undefined>): void;
    onShow?(): void;
    onReady?(): void;
    onHide?(): void;
    onUnload?(): void;
    onPullDownRefresh?(): void;
    onReachBottom?(): void;
    onPageScroll?(res: { scrollTop: number }): void;
    onShareAppMessage?(res: IAnyObject): IAnyObject | void;
    onTabItemTap?(item: { index: number; pagePath: string; text: string }): void;
    onResize?(res: IAnyObject): void;
  }

  type PageOptions<D extends IAnyObject, C extends IAnyObject> =
    { data?: D } & PageLifetimes & C & ThisType<PageInstance<D> & C>;

  type PropertyType = StringConstructor | NumberConstructor | BooleanConstructor | ObjectConstructor | ArrayConstructor | null;
  type PropertyOption = PropertyType | {
    type?: PropertyType;
    optionalTypes?: PropertyType[];
    value?: any;
    observer?: string | ((newValue: any, oldValue: any, path: string[]) => void);
  };
  type PropertyValue<T> = T extends StringConstructor ? string
    : T extends NumberConstructor ? number
    : T extends BooleanConstructor ? boolean
    : T extends ArrayConstructor ? any[]
    : T extends ObjectConstructor ? IAnyObject
    : any;
  type PropertyValues<P> = { [K in keyof P]: P[K] extends { type: infer T } ? PropertyValue<T> : PropertyValue<P[K]> };

  /** What `this` is in a component's methods and lifetimes. */
  interface ComponentInstance<D extends IAnyObject = IAnyObject, P extends IAnyObject = IAnyObject, M extends IAnyObject = IAnyObject> {
    /** A component is an open object: its methods may keep their own fields on it. */
    [field: string]: any;
    is: string;
    id: string;
    dataset: IAnyObject;
    data: D & PropertyValues<P>;
    properties: D & PropertyValues<P>;
    setData(data: Partial<D & PropertyValues<P>> & IAnyObject, callback?: () => void): void;
    triggerEvent(name: string, detail?: any, options?: { bubbles?: boolean; composed?: boolean; capturePhase?: boolean }): void;
    selectComponent(selector: string): ComponentInstance | null;
    selectAllComponents(selector: string): ComponentInstance[];
    selectOwnerComponent(): ComponentInstance | null;
    createSelectorQuery(): SelectorQuery;
    hasBehavior(behavior: string): boolean;
    getPageId(): string;
    getRelationNodes(path: string): ComponentInstance[];
  }

  interface ComponentLifetimes {
    created?(): void;
    attached?(): void;
    ready?(): void;
    moved?(): void;
    detached?(): void;
    error?(error: Error): void;
  }

  interface ComponentOptions<D extends IAnyObject, P extends IAnyObject, M extends IAnyObject> extends ComponentLifetimes {
    properties?: P;
    data?: D;
    methods?: M;
    behaviors?: string[];
    observers?: Record<string, (...values: any[]) => void>;
    lifetimes?: ComponentLifetimes;
    pageLifetimes?: { show?(): void; hide?(): void; resize?(size: IAnyObject): void };
    relations?: Record<string, { type: 'parent' | 'child' | 'ancestor' | 'descendant'; target?: string; linked?(target: ComponentInstance): void; linkChanged?(target: ComponentInstance): void; unlinked?(target: ComponentInstance): void }>;
    externalClasses?: string[];
    options?: { multipleSlots?: boolean; addGlobalClass?: boolean; styleIsolation?: string; virtualHost?: boolean; pureDataPattern?: RegExp };
    definitionFilter?(defFields: IAnyObject, definitionFilterArr?: any[]): void;
    export?(): any;
  }
}

/** Registers the app (app.js); `T` is what it adds (`globalData`, its own methods). */
declare function App<T extends MiniHost.IAnyObject = {}>(options: MiniHost.AppOptions & T & ThisType<MiniHost.AppOptions & T>): void;
/** The app's instance as `App()` registered it. */
declare function getApp<T extends MiniHost.IAnyObject = MiniHost.IAnyObject>(options?: { allowDefault?: boolean }): MiniHost.AppOptions & T;
/** The page stack, the current page last. */
declare function getCurrentPages(): MiniHost.PageInstance[];
/** Registers a page: its data, lifecycle hooks and event handlers. */
declare function Page<D extends MiniHost.IAnyObject = {}, C extends MiniHost.IAnyObject = {}>(options: MiniHost.PageOptions<D, C>): void;
/** Registers a custom component (a page may be one too). */
declare function Component<D extends MiniHost.IAnyObject = {}, P extends MiniHost.IAnyObject = {}, M extends MiniHost.IAnyObject = {}>(
  options: MiniHost.ComponentOptions<D, P, M> & ThisType<MiniHost.ComponentInstance<D, P, M> & M>): string;
/** Defines a behavior components mix in (`behaviors: [b]`); returns its id. */
declare function Behavior<D extends MiniHost.IAnyObject = {}, P extends MiniHost.IAnyObject = {}, M extends MiniHost.IAnyObject = {}>(
  options: MiniHost.ComponentOptions<D, P, M> & ThisType<MiniHost.ComponentInstance<D, P, M> & M>): string;

declare const console: {
  log(...args: any[]): void;
  info(...args: any[]): void;
  warn(...args: any[]): void;
  error(...args: any[]): void;
  debug(...args: any[]): void;
};
declare function setTimeout(handler: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function setInterval(handler: (...args: any[]) => void, ms?: number, ...args: any[]): number;
declare function clearTimeout(id?: number): void;
declare function clearInterval(id?: number): void;
declare function queueMicrotask(callback: () => void): void;
/** One plain object per app, shared by its modules. */
declare const global: MiniHost.IAnyObject;
/** CommonJS, as in WeChat: relative paths, `/`-absolute paths and `miniprogram_npm/` names. */
declare function require(path: string): any;
declare namespace require {
  function async(path: string): Promise<any>;
}
declare const module: { exports: any };
declare const exports: any;
