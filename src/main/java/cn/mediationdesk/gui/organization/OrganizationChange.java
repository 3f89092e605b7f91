package cn.mediationdesk.gui.organization;

import cn.mediationdesk.logic.organization.OrganizationService;

/** One change a form asks of the organization service, run off the window's thread. */
@FunctionalInterface
interface OrganizationChange<T> {
    OrganizationService.Saved<T> applyTo(OrganizationService organization);
}
