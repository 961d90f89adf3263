/** opencc-js 1.4.2 ships its dictionaries as untyped ES modules exporting one serialized string. */
declare module 'opencc-js/dict/*' {
  const dict: string;
  export default dict;
}
