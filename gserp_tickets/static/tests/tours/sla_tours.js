/** @odoo-module */
// A ticket's SLA in the list, the kanban and the form, as an operator in Spanish
// (Ecuador) works it to a close. Run by tests/test_sla_tour.py, which creates a
// late ticket for T-200 and one on time for T-100.

import { registry } from "@web/core/registry";

const SLA_BADGE = ".o_field_widget[name=sla_state] .badge";

registry.category("web_tour.tours").add("gserp_ticket_sla", {
    steps: () => [
        {
            content: "The list shows the late ticket as late",
            trigger: `.o_data_row:contains(T-200) ${SLA_BADGE}:contains(Atrasado)`,
        },
        {
            content: "and the other one as on time",
            trigger: `.o_data_row:contains(T-100) ${SLA_BADGE}:contains(A tiempo)`,
        },
        {
            content: "Switch to the kanban",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The card of the late ticket says so",
            trigger: `.o_kanban_record:contains(T-200) ${SLA_BADGE}:contains(Atrasado)`,
        },
        {
            content: "Open the ticket on time",
            trigger: `.o_kanban_record:contains(T-100) ${SLA_BADGE}:contains(A tiempo)`,
            run: "click",
        },
        {
            content: "The form shows its deadline",
            trigger: ".o_form_view label:contains(Vencimiento del SLA)",
        },
        {
            content: "and its state",
            trigger: `.o_form_view ${SLA_BADGE}:contains(A tiempo)`,
        },
        {
            content: "Put the ticket on hold with the status bar",
            trigger: ".o_statusbar_status button:contains(En Espera)",
            run: "click",
        },
        {
            content: "The form says since when the clock is paused",
            trigger: ".o_form_view label:contains(SLA en pausa desde)",
        },
        {
            content: "Cancel the ticket",
            trigger: ".o_form_statusbar button[name=action_cancel]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The closed ticket shows when it closed",
            trigger: ".o_form_view label:contains(Cerrado el)",
        },
        {
            content: "and how long it took",
            trigger: ".o_form_view label:contains(Horas hasta el cierre)",
        },
        {
            content: "and keeps its state",
            trigger: `.o_form_view ${SLA_BADGE}:contains(A tiempo)`,
        },
    ],
});
