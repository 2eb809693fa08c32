// Welcome configuration for the Vietnamese deployment (overrides the file shipped in the
// Camunda 7.24.0 webjar). Vietnamese unless the officer chooses English.
// The welcome locale files carry no dateLocales block, so no date settings are made here.
// The dashboard is served by the application itself and opens with the same sign-in.
export default {
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },
  // Vietnamese whatever the browser's language (scripts/interface-language.js)
  customScripts: ['scripts/interface-language'],
  links: [
    {
      label: 'Bảng theo dõi phong trào thi đua',
      href: '/dashboard/',
      description: 'Tiến độ từng đơn vị theo mốc, hồ sơ đề nghị khen thưởng, quyết định; xuất Excel để in'
    }
  ]
};
