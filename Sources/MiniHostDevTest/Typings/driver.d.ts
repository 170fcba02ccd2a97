// The globals of a test file run by `minihost test` (docs/api.md, the driver API): describe/it,
// hooks, expect (its matchers follow), and the driver objects: minihost, App, Page, Element.

declare namespace MiniHostTest {
  type IAnyObject = Record<string, any>;
  type TestFn = () => void | Promise<void>;

  interface LaunchOptions {
    /** Another package to launch (default: the package under test). */
    target?: string;
    /** A world file, or a world object, for this app (default: tests/world.json). */
    world?: string | IAnyObject;
    grant?: string | string[];
    deny?: string | string[];
    query?: Record<string, string>;
    conversation?: string;
  }

  /** One call the app made through the bridge (`app.calls(api)`). */
  interface Call {
    api: string;
    args: any;
    result?: any;
    error?: { errMsg: string; errCode: number };
    mocked: boolean;
    [key: string]: any;
  }

  /** A consent prompt, picker, action sheet or modal the app raised. */
  interface Prompt {
    id: number;
    type: string;
    options: string[];
    [key: string]: any;
    allow(options?: { always?: boolean }): void;
    deny(): void;
    choose(index: number): void;
    cancel(): void;
    confirm(content?: string): void;
  }

  interface World {
    wallet: { balance(): any; statement(): any };
    chat: {
      conversations(): any;
      messages(conversation: string): any;
      post(conversation: string, text: string, options?: { as?: string }): any;
    };
    location: {
      current(): any;
      moveTo(latitude: number, longitude: number, altitude?: number): void;
      setRoute(points: IAnyObject[], options?: { speed?: number; loop?: boolean }): void;
    };
    account: { code2Session(code: string): any };
    device: { clipboard(): any; phoneCalls(): any };
  }

  /** A launched app (`await minihost.launch()`), as miniprogram-automator's MiniProgram. */
  interface App {
    readonly appId: string;
    readonly world: World;
    /** The app's timers: `tick(ms)` runs those due within `ms`, in order. */
    readonly clock: { tick(ms: number): Promise<{ fired: number }> };
    /** What the app printed, in order. */
    readonly console: { level: string; message: string }[];
    /** The app's uncaught errors. */
    readonly errors: IAnyObject[];
    launched(): Promise<void>;
    /** Answers `api` with `result`, or with what `answer` returns for the call's arguments. */
    mock(api: string, answer: (args: any) => any): App;
    mock(api: string, result?: any): App;
    restore(api?: string): App;
    calls(api?: string): Call[];
    currentPage(): Promise<Page>;
    page(route: string): Promise<Page>;
    pageStack(): Promise<Page[]>;
    navigateTo(url: string): Promise<Page>;
    redirectTo(url: string): Promise<Page>;
    reLaunch(url: string): Promise<Page>;
    switchTab(url: string): Promise<Page>;
    navigateBack(): Promise<Page>;
    callWxMethod(name: string, ...args: any[]): Promise<any>;
    systemInfo(): Promise<any>;
    pageScrollTo(scrollTop: number): Promise<any>;
    mockWxMethod(api: string, answer: (args: any) => any): App;
    mockWxMethod(api: string, result?: any): App;
    restoreWxMethod(api?: string): App;
    evaluate<T = any>(fn: string | ((...args: any[]) => T | Promise<T>), ...args: any[]): Promise<T>;
    hide(): Promise<void>;
    show(): Promise<void>;
    idle(timeout?: number): Promise<void>;
    nextPrompt(timeout?: number): Promise<Prompt>;
    waitFor<T>(predicate: (app: App) => T | Promise<T>, timeout?: number): Promise<T>;
    close(): Promise<void>;
    disconnect(): Promise<void>;
  }

  /** A page of the app, as miniprogram-automator's Page. */
  interface Page {
    readonly route: string;
    readonly path: string;
    query: Record<string, string>;
    data(path?: string): Promise<any>;
    snapshot(path?: string): any;
    refresh(): Promise<Page>;
    setData(data: IAnyObject): Promise<Page>;
    call(method: string, arg?: any): Promise<any>;
    callMethod(method: string, ...args: any[]): Promise<any>;
    $(selector: string): Promise<Element | null>;
    $$(selector: string): Promise<Element[]>;
    wxml(): Promise<string>;
    waitFor(condition: string | number | ((page: Page) => any), timeout?: number): Promise<any>;
    size(): Promise<{ width: number; height: number }>;
    scrollTop(): Promise<number>;
  }

  /** An element of a page's view, as miniprogram-automator's Element. */
  interface Element {
    readonly tagName: string;
    $(selector: string): Promise<Element | null>;
    $$(selector: string): Promise<Element[]>;
    tap(): Promise<void>;
    longpress(): Promise<void>;
    input(value: string): Promise<void>;
    trigger(type: string, detail?: any): Promise<void>;
    touchstart(options?: IAnyObject): Promise<void>;
    touchmove(options?: IAnyObject): Promise<void>;
    touchend(options?: IAnyObject): Promise<void>;
    text(): Promise<string>;
    attribute(name: string): Promise<string | null>;
    property(name: string): Promise<any>;
    value(): Promise<any>;
    wxml(): Promise<string>;
    outerWxml(): Promise<string>;
    size(): Promise<{ width: number; height: number }>;
    offset(): Promise<{ left: number; top: number }>;
    style(name: string): Promise<string | null>;
    /** A custom component's data (or the value at `path`). */
    data(path?: string): Promise<any>;
    setData(data: IAnyObject): Promise<void>;
    callMethod(method: string, ...args: any[]): Promise<any>;
  }

  interface Minihost {
    launch(options?: LaunchOptions): Promise<App>;
    /** The package under test: its app id, name and pages. */
    readonly package: IAnyObject;
    sleep(ms: number): Promise<void>;
    /** The test file's own timers become fake until `useRealTimers()`. */
    useFakeTimers(): void;
    useRealTimers(): void;
    advanceTimersByTime(ms: number): void;
    runOnlyPendingTimers(): void;
    getTimerCount(): number;
  }

  interface Expectation extends Matchers<void> {
    not: Matchers<void>;
    resolves: Matchers<Promise<void>> & { not: Matchers<Promise<void>> };
    rejects: Matchers<Promise<void>> & { not: Matchers<Promise<void>> };
  }

  interface Describe {
    (name: string, fn: () => void): void;
    skip(name: string, fn: () => void): void;
    only(name: string, fn: () => void): void;
    each(table: any[]): (title: string, fn: (...args: any[]) => void) => void;
  }

  interface It {
    (name: string, fn: TestFn, timeout?: number): void;
    skip(name: string, fn: TestFn, timeout?: number): void;
    only(name: string, fn: TestFn, timeout?: number): void;
    todo(name: string): void;
    each(table: any[]): (title: string, fn: (...args: any[]) => any, timeout?: number) => void;
  }
}

declare const minihost: MiniHostTest.Minihost;
declare const describe: MiniHostTest.Describe;
declare const xdescribe: (name: string, fn: () => void) => void;
declare const it: MiniHostTest.It;
declare const test: MiniHostTest.It;
declare const xit: (name: string, fn: MiniHostTest.TestFn, timeout?: number) => void;
declare function beforeAll(fn: MiniHostTest.TestFn): void;
declare function afterAll(fn: MiniHostTest.TestFn): void;
declare function beforeEach(fn: MiniHostTest.TestFn): void;
declare function afterEach(fn: MiniHostTest.TestFn): void;
declare function before(fn: MiniHostTest.TestFn): void;
declare function after(fn: MiniHostTest.TestFn): void;
declare function expect(actual: any): MiniHostTest.Expectation;
