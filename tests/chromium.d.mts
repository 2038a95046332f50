import type { Browser, LaunchOptions } from 'playwright-core';

export declare const CHROMIUM_ARGS: string[];
export declare const OWN_UI_FEATURES_OFF: string[];
export declare function chromiumPath(): string;
export declare function launchChromium(options?: LaunchOptions): Promise<Browser>;
