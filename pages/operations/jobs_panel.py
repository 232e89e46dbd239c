"""The periodic jobs on the admin dashboard, for those who may see them
(Moderators and superusers): when each last ran, and a warning when one is late."""

from wagtail.admin.ui.components import Component

from pages.operations import jobs


class JobsPanel(Component):
    name = "periodic_jobs"
    order = 120
    template_name = "pages/admin/jobs_panel.html"

    def get_context_data(self, parent_context):
        runs = jobs.status()
        return {"runs": runs, "late": any(run["late"] for run in runs)}


def add_jobs_panel(request, panels):
    if request.user.has_perm("pages.view_jobrun"):
        panels.append(JobsPanel())
