/** @odoo-module */
// A ticket worked from Nuevo to Cerrado by an operator in Spanish (Ecuador), its SLA
// in sight at every stage. Run by tests/test_ticket_flow_tour.py, which creates the
// ticket with a resolution target and checks the stored result.

import { registry } from "@web/core/registry";

const CARD = ".o_kanban_record:contains(T-100)";
const SLA_BADGE = ".o_field_widget[name=sla_state] .badge";
const CURRENT_STAGE = ".o_statusbar_status button.o_arrow_button_current";

function moveTo(stage) {
    return [
        {
            content: `Move the ticket to ${stage} with the status bar`,
            trigger: `.o_statusbar_status button.o_arrow_button:contains(${stage})`,
            run: "click",
        },
        {
            content: `The status bar shows ${stage}`,
            trigger: `${CURRENT_STAGE}:contains(${stage})`,
        },
    ];
}

function slaShows(state, stage) {
    return {
        content: `In ${stage}, the form shows the SLA as ${state} and its deadline`,
        trigger:
            `.o_form_view:has(.o_field_widget[name=sla_deadline] span:contains(/)) ` +
            `${SLA_BADGE}:contains(${state})`,
    };
}

registry.category("web_tour.tours").add("gserp_ticket_flow_sla", {
    steps: () => [
        {
            content: "The new ticket's card shows its SLA state",
            trigger: `.o_kanban_group:contains(Nuevo) ${CARD} ${SLA_BADGE}:contains(A tiempo)`,
        },
        {
            content: "Open the ticket",
            trigger: `.o_kanban_group:contains(Nuevo) ${CARD}`,
            run: "click",
        },
        slaShows("A tiempo", "Nuevo"),
        ...moveTo("En Proceso"),
        slaShows("A tiempo", "En Proceso"),
        ...moveTo("En Espera"),
        slaShows("A tiempo", "En Espera"),
        {
            content: "In En Espera the clock is paused, and the form says since when",
            trigger:
                ".o_form_view:has(label:contains(SLA en pausa desde))" +
                " .o_field_widget[name=sla_paused_since] span:contains(/)",
        },
        ...moveTo("Resuelto"),
        slaShows("A tiempo", "Resuelto"),
        {
            content: "Out of En Espera the clock runs again",
            trigger: ".o_form_view:not(:has(.o_field_widget[name=sla_paused_since]))",
        },
        {
            content: "Cerrado is folded: open the status bar's other stages",
            trigger: ".o_statusbar_status button.dropdown-toggle.o_first:not(.d-none)",
            run: "click",
        },
        {
            content: "Close the ticket",
            trigger: ".dropdown-menu .dropdown-item:contains(Cerrado)",
            run: "click",
        },
        {
            content: "The status bar shows Cerrado",
            trigger: `${CURRENT_STAGE}:contains(Cerrado)`,
        },
        slaShows("A tiempo", "Cerrado"),
        {
            content: "A closed ticket shows when it was closed and how long it took",
            trigger: ".o_form_view .o_field_widget[name=close_date] span:contains(/)",
        },
        {
            content: "…and its time to close",
            trigger: ".o_form_view .o_field_widget[name=close_hours]",
        },
    ],
});
