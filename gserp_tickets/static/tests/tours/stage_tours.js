/** @odoo-module */
// The ticket kanban, one column per stage, walked by an operator in Spanish
// (Ecuador). Run by tests/test_stage_tour.py, which creates the ticket.

import { registry } from "@web/core/registry";

const COLUMN = ".o_kanban_group .o_column_title";

registry.category("web_tour.tours").add("gserp_ticket_kanban_stages", {
    steps: () => [
        {
            content: "Every open stage is a column, also the empty ones",
            trigger: `${COLUMN}:contains(Nuevo)`,
            run() {
                const titles = [...document.querySelectorAll(COLUMN)].map((title) =>
                    title.textContent.trim()
                );
                for (const name of ["Nuevo", "En Proceso", "En Espera", "Resuelto"]) {
                    if (!titles.some((title) => title.startsWith(name))) {
                        throw new Error(`No column ${name}: ${titles.join(", ")}`);
                    }
                }
            },
        },
        {
            content: "The card shows the service code and the customer",
            trigger:
                ".o_kanban_group:contains(Nuevo) .o_kanban_record:contains(T-100)" +
                ":contains(Cliente Activo)",
            run: "click",
        },
        {
            content: "Move the ticket to En Proceso with the status bar",
            trigger: ".o_statusbar_status button:contains(En Proceso)",
            run: "click",
        },
        {
            content: "The status bar shows the new stage",
            trigger:
                ".o_statusbar_status button.o_arrow_button_current:contains(En Proceso)",
        },
        {
            content: "Back to the kanban",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tickets)",
            run: "click",
        },
        {
            content: "The card is now in the En Proceso column",
            trigger: ".o_kanban_group:contains(En Proceso) .o_kanban_record:contains(T-100)",
        },
    ],
});
