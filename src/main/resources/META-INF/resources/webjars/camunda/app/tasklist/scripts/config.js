// Tasklist configuration for the Vietnamese deployment (overrides the file shipped in the
// Camunda 7.24.0 webjar). Vietnamese is offered first; English stays as fallback.
// Dates use the Vietnamese day/month/year order.
export default {
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'en'
  },

  // dates in the UI language and on Vietnam's clock, whatever the computer's zone (see scripts/vietnam-dates.js)
  customScripts: ['scripts/vietnam-dates'],

  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'DD/MM/YYYY HH:mm:ss',
    short: 'DD/MM/YYYY'
  },

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
