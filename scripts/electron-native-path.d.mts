export declare const ELECTRON_NATIVE_DIR: string

export declare function electronNativeFile(
  appRoot: string,
  electronVersion: string,
  platform?: NodeJS.Platform,
  arch?: NodeJS.Architecture
): string
