export declare const ELECTRON_NATIVE_DIR: string

export declare const REBUILD_HINT: string

export declare function electronNativeFile(
  appRoot: string,
  electronVersion: string,
  platform?: NodeJS.Platform,
  arch?: NodeJS.Architecture
): string

export declare function addonAbi(file: string): number | null

export declare function electronAbi(electronVersion: string, appRoot: string): number | null

export declare function wrongAbi(file: string, expected: number | null, nodeAbi?: number): string | null
