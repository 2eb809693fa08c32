// Keeps every date of the webapps on the language of the user interface and on Vietnam's clock, whatever the
// language and the zone of the officer's computer. Cockpit and Admin load this same file.
//
// Two libraries show dates: moment.js (the camDate filter, "in 3 days" labels) and the browser's Intl.DateTimeFormat
// (the date fields of Camunda Forms take their day/month order from it).
//
// Language: Camunda 7.24 loads two locale files (the preferred one, e.g. vi, and the fallback, en). Each loaded file
// calls moment.defineLocale/updateLocale, which also switches moment's global locale, so whichever file arrives last
// wins - in practice the English fallback. Without the sync below a Vietnamese UI shows "a few seconds ago", English
// month names, etc.
//
// Clock: officers work on Vietnam's time, and deadlines are set on it (23:59 on 31/12, 08:00 reminders), but moment
// shows dates in the zone of the computer: a laptop left on another zone would show a deadline of 23:59 as 11:59.
// moment asks its updateOffset hook for the offset of every date it makes (moment-timezone plugs in there too), so
// the hook below puts every date on UTC+07:00. Vietnam has kept that offset all year since 1975 (no daylight saving
// time), so a fixed offset is the whole Asia/Ho_Chi_Minh zone.
//
// Intl: without a locale, Intl.DateTimeFormat uses the browser's own language, not the page's, so a Camunda Form in
// a browser set to English reads "20/12/2023" typed by an officer as month 20 (and shows 8/12/2024). Formats asked
// for without a locale get the interface language.
//
// Date editors: the date pickers (due date, follow-up) edit a Date whose local fields hold Vietnam's wall time (Camunda
// builds it from the day and hour shown, and saves its fields as shown); their preview formatted that Date as an
// instant, so on a computer set to UTC the due date 23:59 read 06:59 the next day. The preview reads the fields, and
// the pickers' month and day names follow the interface language.
//
// Cockpit and Admin write dates day first as Tasklist does (their own default is ISO, 2026-12-31T08:00:00), set in
// the app's custom module, whose config runs after the app's own.
//
// moment is not exposed on window, so it is looked up through the webpack chunk registry of the webapps. If anything
// is not found, the script does nothing but warn.
const REGISTRY = 'webpackChunkcamunda_bpm_webapp';
const VIETNAM_OFFSET_MINUTES = 7 * 60;
const INTERFACE_LOCALES = { vi: 'vi-VN', en: 'en-GB' };
let interfaceLocale = INTERFACE_LOCALES.vi;

function findMoment() {
  const registry = window[REGISTRY];
  if (!registry || typeof registry.push !== 'function') {
    return null;
  }
  let webpackRequire = null;
  registry.push([['vietnam-dates-' + Date.now()], {}, (req) => { webpackRequire = req; }]);
  if (!webpackRequire || !webpackRequire.m) {
    return null;
  }
  for (const id of Object.keys(webpackRequire.m)) {
    const source = Function.prototype.toString.call(webpackRequire.m[id]);
    if (source.includes('updateLocale') && source.includes('defineLocale') && source.includes('ISO_8601')) {
      const candidate = webpackRequire(id);
      if (candidate && typeof candidate.locale === 'function' && typeof candidate.locales === 'function') {
        return candidate;
      }
    }
  }
  return null;
}

function followTheInterfaceLanguage(moment, angular) {
  angular.module('cam.commons').run(['$rootScope', '$translate', function ($rootScope, $translate) {
    const sync = function () {
      const language = $translate.use();
      if (language && moment.locales().indexOf(language) > -1 && moment.locale() !== language) {
        moment.locale(language);
      }
      interfaceLocale = INTERFACE_LOCALES[language] || language || interfaceLocale;
    };
    $rootScope.$on('$translateChangeSuccess', sync);
    $rootScope.$on('$translateChangeEnd', sync);
    sync();
  }]);
}

function showVietnamTime(moment) {
  // moment copies only the fields listed here into the date it makes from a parse, and the hook reads the parsed
  // fields (_a); moment-timezone lists it the same way
  if (moment.momentProperties && moment.momentProperties.indexOf('_a') < 0) {
    moment.momentProperties.push('_a');
  }
  moment.updateOffset = function (date, keepTime) {
    // moment.utc(), parseZone() and dates already on +07:00 keep their offset
    if (date._isUTC || !date.isValid()) {
      return;
    }
    // Read from wall-clock fields with no offset ('2024-12-12', a typed date): that wall clock is Vietnam's, as
    // moment-timezone does for its default zone. Dates with an offset (all the REST API sends) keep their instant.
    if (date._a && date._tzm === undefined && date._f !== 'X' && date._f !== 'x') {
      date._d = moment.utc(date._a)._d;
      date.utc().add(-VIETNAM_OFFSET_MINUTES, 'minutes');
    }
    date.utcOffset(VIETNAM_OFFSET_MINUTES, keepTime);
  };
}

const VIETNAMESE_CALENDAR = {
  MONTH: ['tháng 1', 'tháng 2', 'tháng 3', 'tháng 4', 'tháng 5', 'tháng 6', 'tháng 7', 'tháng 8', 'tháng 9',
    'tháng 10', 'tháng 11', 'tháng 12'],
  SHORTMONTH: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
  STANDALONEMONTH: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8',
    'Tháng 9', 'Tháng 10', 'Tháng 11', 'Tháng 12'],
  DAY: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'],
  SHORTDAY: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  // angular counts from Monday: Vietnamese calendars start the week on Monday
  FIRSTDAYOFWEEK: 0
};

function editDatesOnVietnamsWallClock(angular) {
  angular.module('cam.commons').config(['$provide', function ($provide) {
    $provide.decorator('camWidgetInlineFieldDirective', ['$delegate', function ($delegate) {
      $delegate[0].template = $delegate[0].template.replace('formData.dateValue | camDate', 'formData.dateValue | camWallClockDate');
      return $delegate;
    }]);
  }]).filter('camWallClockDate', ['$filter', function ($filter) {
    const pad = (number) => String(number).padStart(2, '0');
    return function (date) {
      if (!(date instanceof Date)) {
        return $filter('camDate')(date);
      }
      // the fields as written, with no offset: read as Vietnam's wall time (showVietnamTime)
      return $filter('camDate')(date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate())
        + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds()));
    };
  }]).run(['$rootScope', '$translate', '$locale', 'uibDatepickerConfig', function ($rootScope, $translate, $locale, pickers) {
    const browsers = angular.copy($locale.DATETIME_FORMATS);
    const browsersTitle = pickers.formatDayTitle;
    const follow = function () {
      const vietnamese = $translate.use() === 'vi';
      angular.extend($locale.DATETIME_FORMATS, vietnamese ? VIETNAMESE_CALENDAR : browsers);
      pickers.formatDayTitle = vietnamese ? "'Tháng' M 'năm' yyyy" : browsersTitle;
    };
    $rootScope.$on('$translateChangeSuccess', follow);
    follow();
  }]);
}

const DAY_FIRST = { normal: 'DD/MM/YYYY HH:mm:ss', long: 'DD/MM/YYYY HH:mm:ss', abbr: 'DD/MM/YYYY HH:mm', short: 'DD/MM/YYYY' };

function writeDatesDayFirst(angular) {
  const base = document.querySelector('base');
  const app = base && base.getAttribute('app-name');
  if (app === 'cockpit' || app === 'admin') {
    angular.module('cam.' + app + '.custom').config(['camDateFormatProvider', function (formats) {
      Object.keys(DAY_FIRST).forEach((name) => formats.setDateFormat(DAY_FIRST[name], name));
    }]);
  }
}

function formatDatesOfTheBrowserLikeThePage() {
  const BrowserDateTimeFormat = Intl.DateTimeFormat;
  const PageDateTimeFormat = function (locales, options) {
    const unset = locales === undefined || locales === 'default' || (Array.isArray(locales) && locales.length === 0);
    return new BrowserDateTimeFormat(unset ? interfaceLocale : locales, options);
  };
  PageDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
  PageDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
  Intl.DateTimeFormat = PageDateTimeFormat;
}

formatDatesOfTheBrowserLikeThePage();

const moment = findMoment();
const angular = window.angular;

if (moment && angular) {
  showVietnamTime(moment);
  followTheInterfaceLanguage(moment, angular);
  editDatesOnVietnamsWallClock(angular);
  writeDatesDayFirst(angular);
} else if (window.console) {
  window.console.warn('vietnam-dates: moment or angular not found, dates neither in Vietnamese nor on Vietnam time');
}
