// The product's links on the Welcome page, each shown only to an officer it serves (config.js lists them all).
//
// The dashboard is for those who supervise campaigns: a unit's officer got a link whose campaigns answered 403. It is
// shown to officers who may use Cockpit (the Board, the province's leadership, administrators) and to those who
// supervise at least one campaign (a campaign's standing agency), as /api/reports/campaigns tells.
// The demo mailbox exists only in the demo profile: its link is shown when its page answers.
const angular = window.angular;
const DASHBOARD = '/dashboard/';
const MAILBOX = '/demo/mailbox/';

if (angular) {
  angular.module('cam.welcome.custom').run(['$rootScope', '$http', '$q', 'customLinks', function ($rootScope, $http, $q, links) {
    const offered = links.slice();
    const answers = (request) => request.then(() => true, () => false);
    const show = function () {
      const product = offered.filter((link) => link.href === DASHBOARD || link.href === MAILBOX);
      const others = offered.filter((link) => product.indexOf(link) < 0);
      links.splice(0, links.length, ...others);
      const authentication = $rootScope.authentication;
      if (!authentication || !authentication.name) {
        return;
      }
      const supervises = (authentication.authorizedApps || []).indexOf('cockpit') > -1 ? $q.resolve(true)
        : $http.get('/api/reports/campaigns').then((answer) => Array.isArray(answer.data) && answer.data.length > 0, () => false);
      $q.all([supervises, answers($http.head(MAILBOX))]).then(([dashboard, mailbox]) => {
        const allowed = product.filter((link) => link.href === DASHBOARD ? dashboard : mailbox);
        links.splice(0, links.length, ...allowed, ...others);
      });
    };
    $rootScope.$on('authentication.changed', show);
    show();
  }]);
}
