// Vietnamese in every browser; English only for the officer who chooses it. Cockpit, Admin and Welcome load this same
// file (their scripts/interface-language.js imports it).
//
// Camunda 7.24 takes the interface language from the browser's first language when config.js lists it, so an officer
// whose computer is set to English got English webapps. Here the language is the one the officer chose in the footer
// (kept in this browser's localStorage, for every webapp), else Vietnamese. The choice is made in the app's custom
// module, which the webapps bootstrap after their own: its config block runs after theirs and has the last word.
//
// The product's wording replaces a few of Camunda's own labels in English too (the footer says which clock the times
// are on): the locale loader's labels are completed with ENGLISH_WORDING.
//
// A refusal shown in a notification keeps the product's Vietnamese message without the "Error: " of a JavaScript
// error's toString(), which some pages put before it.
//
// A few words are written into Camunda's templates rather than its locale files: the variables table's "Actions"
// column gets a label of its own (THIDUA_ACTIONS), and an empty value, written "null" in Cockpit's pages, is shown in
// the interface language by styles/user-styles.css, which reads the language from the body's class (thidua-vi).
const angular = window.angular;
const STORAGE_KEY = 'thidua.language';
const LANGUAGES = [
  { key: 'vi', label: 'Tiếng Việt' },
  { key: 'en', label: 'English' }
];
const ENGLISH_WORDING = {
  CAM_WIDGET_FOOTER_TIMEZONE: "Dates and times are shown on Vietnam's clock (UTC+07:00). This computer's time zone:",
  THIDUA_ACTIONS: 'Actions'
};
const VIETNAMESE_WORDING = {
  THIDUA_ACTIONS: 'Thao tác'
};
// beside the footer's time zone: the footer is one line high
const CHOOSER = ' <span class="thidua-language">'
  + '<a href ng-repeat="language in languages" ng-click="chooseLanguage(language.key)"'
  + ' ng-class="{active: language.key === currentLanguage()}" lang="{{ language.key }}">{{ language.label }}</a>'
  + '</span>';

function chosenLanguage() {
  try {
    const chosen = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.some((language) => language.key === chosen) ? chosen : 'vi';
  } catch (e) {
    return 'vi';
  }
}

function appModule() {
  const base = document.querySelector('base');
  return 'cam.' + (base && base.getAttribute('app-name')) + '.custom';
}

if (angular) {
  angular.module(appModule()).config(['$translateProvider', '$provide', function ($translateProvider, $provide) {
    $translateProvider.determinePreferredLanguage(chosenLanguage);

    $provide.decorator('localeLoader', ['$delegate', function ($delegate) {
      return function (options) {
        return $delegate(options).then(function (labels) {
          return angular.extend(labels, options.key === 'en' ? ENGLISH_WORDING : VIETNAMESE_WORDING);
        });
      };
    }]);

    $provide.decorator('Notifications', ['$delegate', function ($delegate) {
      ['addError', 'addMessage'].forEach(function (name) {
        const add = $delegate[name];
        $delegate[name] = function (notification) {
          if (notification && typeof notification.message === 'string') {
            notification.message = notification.message.replace(/^[A-Za-z]*Error: /, '');
          }
          return add.apply(this, arguments);
        };
      });
      return $delegate;
    }]);

    try {
      $provide.decorator('camWidgetVariablesTableDirective', ['$delegate', function ($delegate) {
        $delegate[0].template = $delegate[0].template.replace(/(<td class="actions"[^>]*>)\s*Actions\s*</, "$1{{ 'THIDUA_ACTIONS' | translate }}<");
        return $delegate;
      }]);
    } catch (e) {
      window.console.warn('interface-language: no variables table in this app', e);
    }

    $provide.decorator('camWidgetFooterDirective', ['$delegate', '$translate', function ($delegate, $translate) {
      const footer = $delegate[0];
      const link = footer.link;
      footer.template = footer.template.replace('</i>', '</i>' + CHOOSER);
      footer.compile = function () {
        return function (scope) {
          link.apply(this, arguments);
          scope.languages = LANGUAGES;
          scope.currentLanguage = function () {
            return $translate.use();
          };
          const body = angular.element(document.body);
          scope.$watch(scope.currentLanguage, function (language) {
            body.toggleClass('thidua-vi', language === 'vi');
          });
          scope.chooseLanguage = function (key) {
            window.localStorage.setItem(STORAGE_KEY, key);
            $translate.use(key);
          };
        };
      };
      return $delegate;
    }]);
  }]);
}
