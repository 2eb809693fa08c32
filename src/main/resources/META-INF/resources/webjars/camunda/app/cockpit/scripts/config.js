// Cockpit configuration for the Vietnamese deployment (overrides the file shipped in the
// Camunda 7.24.0 webjar). Vietnamese unless the officer chooses English.
// Note: cockpit does not read a dateFormat setting in 7.24.0. Its 'normal' date format is
// fixed to YYYY-MM-DDTHH:mm:ss; 'long'/'short' follow dateLocales.longDateFormat in vi.json.
export default {
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },

  // Vietnamese whatever the browser's language (scripts/interface-language.js); dates in the UI language and on
  // Vietnam's clock, whatever the computer's zone (scripts/vietnam-dates.js)
  customScripts: ['scripts/interface-language', 'scripts/vietnam-dates']
};
