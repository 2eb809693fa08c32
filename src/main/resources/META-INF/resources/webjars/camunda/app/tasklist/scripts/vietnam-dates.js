// Keeps moment.js (used by the camDate filter for all dates in the webapps) on the same
// language as the user interface.
//
// Why: Camunda 7.24 loads two locale files (the preferred one, e.g. vi, and the fallback, en).
// Each loaded file calls moment.defineLocale/updateLocale, which also switches moment's global
// locale, so whichever file arrives last wins - in practice the English fallback. Without this
// script a Vietnamese UI shows "a few seconds ago", English month names, etc.
//
// How: moment is not exposed on window, so it is looked up through the webpack chunk registry
// of the webapps; after every angular-translate language event the global moment locale is set
// back to the language in use. If anything is not found, the script does nothing.
const REGISTRY = 'webpackChunkcamunda_bpm_webapp';

function findMoment() {
  const registry = window[REGISTRY];
  if (!registry || typeof registry.push !== 'function') {
    return null;
  }
  let webpackRequire = null;
  registry.push([['vi-moment-locale-' + Date.now()], {}, (req) => { webpackRequire = req; }]);
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

const moment = findMoment();
const angular = window.angular;

if (moment && angular) {
  angular.module('cam.commons').run(['$rootScope', '$translate', function ($rootScope, $translate) {
    const sync = function () {
      const language = $translate.use();
      if (language && moment.locales().indexOf(language) > -1 && moment.locale() !== language) {
        moment.locale(language);
      }
    };
    $rootScope.$on('$translateChangeSuccess', sync);
    $rootScope.$on('$translateChangeEnd', sync);
    sync();
  }]);
} else if (window.console) {
  window.console.warn('vi-moment-locale: moment or angular not found, date language not synchronised');
}
