// Tasklist's details as officers of a provincial department expect them.
//
// Saving a task's due date or follow-up date sends the whole task back, and Camunda 7.24's REST API cannot read the
// reference to a Camunda Form it sent itself (camundaFormRef: "Cannot construct instance of CamundaFormRef"), so
// every date saved on a task with a Camunda Form was refused. The reference is not a field a save changes: it is
// left out of the save.
//
// Creating free tasks is the Board's and the administrators' work, not a unit's: "Tạo công việc" is shown only to an
// officer the engine lets create tasks (the CSS class thidua-creates-tasks on body, styles/user-styles.css).
//
// The list is sorted by due date unless the officer picks another order: the sort control said "Ngày tạo" (its
// default) while the filters order by due date. A variable's label on a task card shows its label when hovered,
// not the variable's name (campaignName).
const angular = window.angular;
const TASK_SAVE = /^task\/[^/]+$/;
const TASK_RESOURCE_TYPE = 7;
const BY_DUE_DATE = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

if (angular) {
  angular.module('cam.tasklist.custom').config(['$provide', function ($provide) {
    $provide.decorator('camAPIHttpClient', ['$delegate', function ($delegate) {
      const put = $delegate.prototype.put;
      $delegate.prototype.put = function (path, options) {
        if (TASK_SAVE.test(path) && options && options.data) {
          delete options.data.camundaFormRef;
        }
        return put.apply(this, arguments);
      };
      return $delegate;
    }]);
    try {
      $provide.decorator('camTasklistVariablesDirective', ['$delegate', function ($delegate) {
        $delegate[0].template = $delegate[0].template.replace('uib-tooltip="{{ info.name }}"', 'uib-tooltip="{{ info.label }}"');
        return $delegate;
      }]);
    } catch (e) {
      window.console.warn('task-details: the task card plugin is not loaded, its labels keep their hover', e);
    }
  }]).run(['$rootScope', '$location', function ($rootScope, $location) {
    $rootScope.$on('$locationChangeSuccess', function () {
      if ($location.path() === '/' && !$location.search().sorting) {
        $location.search('sorting', BY_DUE_DATE).replace();
      }
    });
  }]).run(['$rootScope', 'camAPI', function ($rootScope, camAPI) {
    const body = angular.element(document.body);
    const check = function () {
      body.removeClass('thidua-creates-tasks');
      if (!$rootScope.authentication) {
        return;
      }
      camAPI.resource('authorization').check({ permissionName: 'CREATE', resourceName: 'Task', resourceType: TASK_RESOURCE_TYPE },
        function (error, answer) {
          body.toggleClass('thidua-creates-tasks', !error && !!answer && answer.authorized === true);
        });
    };
    $rootScope.$on('authentication.changed', check);
    check();
  }]);
}
