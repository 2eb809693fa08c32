// Tasklist configuration for the Vietnamese deployment (overrides the file shipped in the
// Camunda 7.24.0 webjar). Vietnamese unless the officer chooses English.
// Dates use the Vietnamese day/month/year order.
export default {
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },

  // Vietnamese whatever the browser's language (scripts/interface-language.js); dates in the UI language and on
  // Vietnam's clock, whatever the computer's zone (scripts/vietnam-dates.js); Tasklist's details (scripts/task-details.js);
  // Camunda Forms' messages and date picker in the UI language (scripts/camunda-forms.js)
  customScripts: ['scripts/interface-language', 'scripts/vietnam-dates', 'scripts/task-details', 'scripts/camunda-forms'],

  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'DD/MM/YYYY HH:mm:ss',
    short: 'DD/MM/YYYY'
  },

  // the keyboard-shortcut help lists these descriptions as they are, untranslated
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'Nhận công việc đang chọn'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'Chuyển tới bộ lọc đầu tiên'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'Chuyển tới công việc đầu tiên trong danh sách'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'Chuyển tới ô nhập đầu tiên của biểu mẫu'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'Mở hộp thoại khởi tạo quy trình'
    }
  }
};
