// Welcome configuration for the Vietnamese deployment (overrides the file shipped in the
// Camunda 7.24.0 webjar). Vietnamese unless the officer chooses English.
// The welcome locale files carry no dateLocales block, so no date settings are made here.
// The dashboard is served by the application itself and opens with the same sign-in.
export default {
  // the page title and the header's name: Camunda's own is the English "Welcome"
  app: {
    name: 'Trang chủ',
    vendor: 'Camunda'
  },
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },
  // Vietnamese whatever the browser's language (scripts/interface-language.js); each link below only for the officers
  // it serves (scripts/product-links.js)
  customScripts: ['scripts/interface-language', 'scripts/product-links'],
  links: [
    {
      label: 'Bảng theo dõi phong trào thi đua',
      href: '/dashboard/',
      description: 'Tiến độ từng đơn vị theo mốc, hồ sơ đề nghị khen thưởng, quyết định; xuất Excel để in'
    },
    {
      label: 'Hộp thư trình diễn',
      href: '/demo/mailbox/',
      description: 'Thư nhắc hạn, thông báo hệ thống đã gửi tới địa chỉ của bạn (chỉ có ở bản chạy thử)'
    }
  ]
};
