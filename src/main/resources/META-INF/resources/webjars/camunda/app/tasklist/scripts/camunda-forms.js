// Camunda Forms (form-js, bundled in the webapps' deps.js) in the interface language.
//
// form-js writes its validation messages in English and quotes a field's pattern as it is ("Field must match pattern
// https?://\S+."), and its date picker (flatpickr) names months and days in English. Neither takes a locale from
// Tasklist. Here, while the interface is Vietnamese:
// - the form's validator is wrapped so each message reads as officers write it, and a pattern is explained in words
//   (PATTERN_MESSAGES; a pattern not listed gets a general sentence, never the regular expression);
// - flatpickr's default locale, which each picker copies when a form opens, is Vietnamese;
// - an empty select, whose placeholder form-js writes as "Select" with no way to set it, reads "Chọn" (the page's
//   class thidua-forms-vi, user-styles.css).
//
// form-js is not exposed on window: it is looked up through the webpack chunk registry of the webapps, as
// vietnam-dates.js finds moment. Looking it up also loads flatpickr, which puts itself on window. If either is not
// found, forms keep their English and the script warns.
const REGISTRY = 'webpackChunkcamunda_bpm_webapp';
const STORAGE_KEY = 'thidua.language';

const PATTERN_MESSAGES = {
  'https?://\\S+': 'Nhập đường dẫn bắt đầu bằng http:// hoặc https://',
  '\\d{1,7}/\\S+': 'Nhập số quyết định dạng số/ký hiệu, ví dụ 125/QĐ-UBND.',
  '[a-z0-9][a-z0-9._-]*': 'Chỉ dùng chữ thường không dấu, chữ số, dấu chấm, gạch ngang; bắt đầu bằng chữ hoặc số.'
};

const MESSAGES = [
  [/^Field is required\.$/, () => 'Trường này là bắt buộc.'],
  [/^Field must match pattern (.*)\.$/, (pattern) => PATTERN_MESSAGES[pattern] || 'Giá trị chưa đúng định dạng yêu cầu.'],
  [/^Field must have minimum value of (.*)\.$/, (min) => 'Giá trị nhỏ nhất là ' + min + '.'],
  [/^Field must have maximum value of (.*)\.$/, (max) => 'Giá trị lớn nhất là ' + max + '.'],
  [/^Field must have minimum length of (.*)\.$/, (min) => 'Nhập ít nhất ' + min + ' ký tự.'],
  [/^Field must have maximum length of (.*)\.$/, (max) => 'Nhập không quá ' + max + ' ký tự.'],
  [/^Field must be a valid email\.$/, () => 'Nhập địa chỉ thư điện tử hợp lệ, ví dụ ten@thaibinh.gov.vn.'],
  [/^Field must be a valid +international phone number.*$/, () => 'Nhập số điện thoại hợp lệ, ví dụ +84 227 3831 234.'],
  [/^Value is not a number\.$/, () => 'Nhập một số.'],
  [/^Value is expected to be an integer\.$/, () => 'Nhập một số nguyên.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (digits) => 'Nhập tối đa ' + digits + ' chữ số thập phân.'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (below, above) => 'Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là ' + below + ' và ' + above + '.']
];

const FLATPICKR_VIETNAMESE = {
  weekdays: {
    shorthand: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
    longhand: ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy']
  },
  months: {
    shorthand: ['Th1', 'Th2', 'Th3', 'Th4', 'Th5', 'Th6', 'Th7', 'Th8', 'Th9', 'Th10', 'Th11', 'Th12'],
    longhand: ['Tháng 1', 'Tháng 2', 'Tháng 3', 'Tháng 4', 'Tháng 5', 'Tháng 6', 'Tháng 7', 'Tháng 8', 'Tháng 9',
      'Tháng 10', 'Tháng 11', 'Tháng 12']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' đến ',
  weekAbbreviation: 'Tuần',
  scrollTitle: 'Cuộn để thay đổi',
  toggleTitle: 'Bấm để chuyển',
  yearAriaLabel: 'Năm',
  monthAriaLabel: 'Tháng',
  hourAriaLabel: 'Giờ',
  minuteAriaLabel: 'Phút',
  time_24hr: true
};

function vietnamese() {
  try {
    return (window.localStorage.getItem(STORAGE_KEY) || 'vi') === 'vi';
  } catch (e) {
    return true;
  }
}

function inWords(message) {
  if (!vietnamese() || typeof message !== 'string') {
    return message;
  }
  for (const [english, words] of MESSAGES) {
    const match = english.exec(message);
    if (match) {
      return words(...match.slice(1));
    }
  }
  return message;
}

function findFormJs() {
  const registry = window[REGISTRY];
  if (!registry || typeof registry.push !== 'function') {
    return null;
  }
  let webpackRequire = null;
  registry.push([['camunda-forms-' + Date.now()], {}, (req) => { webpackRequire = req; }]);
  if (!webpackRequire || !webpackRequire.m) {
    return null;
  }
  for (const id of Object.keys(webpackRequire.m)) {
    const source = Function.prototype.toString.call(webpackRequire.m[id]);
    if (source.includes('Field must match pattern') && source.includes('createForm')) {
      const candidate = webpackRequire(id);
      if (candidate && typeof candidate.Form === 'function') {
        return candidate;
      }
    }
  }
  return null;
}

// Each form builds its own validator; the first one's prototype is wrapped, once, for every later form too
function translateValidation(Form) {
  const createInjector = Form.prototype._createInjector;
  Form.prototype._createInjector = function () {
    const injector = createInjector.apply(this, arguments);
    const validator = Object.getPrototypeOf(injector.get('validator'));
    if (!validator.thiduaInWords) {
      validator.thiduaInWords = true;
      ['validateField', 'validateFieldInstance'].forEach((name) => {
        const validate = validator[name];
        validator[name] = function () {
          return validate.apply(this, arguments).map(inWords);
        };
      });
    }
    return injector;
  };
}

function followTheInterfaceLanguage(flatpickr) {
  const english = Object.assign({}, flatpickr.l10ns.en);
  const follow = function () {
    flatpickr.l10ns.default = Object.assign({}, english, vietnamese() ? FLATPICKR_VIETNAMESE : {});
    document.documentElement.classList.toggle('thidua-forms-vi', vietnamese());
  };
  follow();
  const angular = window.angular;
  if (angular) {
    angular.module('cam.commons').run(['$rootScope', function ($rootScope) {
      $rootScope.$on('$translateChangeSuccess', follow);
    }]);
  }
}

const formJs = findFormJs();
if (formJs) {
  translateValidation(formJs.Form);
}
if (window.flatpickr && window.flatpickr.l10ns) {
  followTheInterfaceLanguage(window.flatpickr);
}
if (!formJs || !window.flatpickr) {
  window.console.warn('camunda-forms: form-js or flatpickr not found, Camunda Forms keep their English messages');
}
