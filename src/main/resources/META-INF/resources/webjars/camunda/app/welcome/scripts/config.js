// Welcome configuration for the Vietnamese deployment (overrides the file shipped in the
// Camunda 7.24.0 webjar). Vietnamese is offered first; English stays as fallback.
// The welcome locale files carry no dateLocales block, so no date settings are made here.
export default {
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  }
};
