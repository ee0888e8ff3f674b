// Vue's full build (runtime and template compiler in one ES module, no bundler needed) has the
// same API as the package's main entry, whose types it shares.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
