// Admin configuration for the Vietnamese deployment (overrides the file shipped in the
// Camunda 7.24.0 webjar). Vietnamese is offered first; English stays as fallback.
// Note: admin does not read a dateFormat setting in 7.24.0; its dates follow the
// dateLocales.longDateFormat block of locales/vi.json instead.
export default {
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },

  // dates in the UI language and on Vietnam's clock, whatever the computer's zone (see scripts/vietnam-dates.js)
  customScripts: ['scripts/vietnam-dates']
};
