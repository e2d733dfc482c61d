/** @odoo-module */
// Step 6 of the procedure as a new operator does it: type part of a code, of a RUC
// or of a name in the dropdown and pick the record. Run by
// tests/test_service_lookup_tour.py, which creates the services named here.

import { registry } from "@web/core/registry";

function stateStep(label) {
    return {
        content: `Estado del código "${label}"`,
        trigger: ".o_form_view div[name=code_state] select",
        async run(helpers) {
            const option = [...this.anchor.options].find(
                (opt) => opt.textContent.trim() === label
            );
            await helpers.select(option.value);
        },
    };
}

// The test creates decoys ("Aaron Señuelo") that fill the list shown before the
// typed text is searched: `first` waits for the record to be the first offered.
function lookupSteps(fieldName, typed, shown, absent, first = false) {
    const input = `.o_form_view .o_field_widget[name=${fieldName}] input`;
    const item = first ? ".o-autocomplete--dropdown-item:first-child" : ".o-autocomplete--dropdown-item";
    return [
        {
            content: `Type "${typed}" in ${fieldName}`,
            trigger: input,
            run: `edit ${typed}`,
        },
        {
            content: `The dropdown offers "${shown}"`,
            trigger: `${item} a:contains(${shown})`,
            run() {
                const items = [...document.querySelectorAll(".o-autocomplete--dropdown-item")]
                    .map((item) => item.textContent.trim());
                const noise = items.filter(
                    (text) =>
                        text.includes("False") ||
                        text.includes("Señuelo") ||
                        (absent && text.includes(absent))
                );
                if (noise.length) {
                    throw new Error(`The dropdown also offers: ${noise.join(" | ")}`);
                }
            },
        },
        {
            content: `Pick "${shown}"`,
            trigger: `.o-autocomplete--dropdown-item a:contains(${shown})`,
            run: "click",
        },
        {
            content: `${fieldName} shows "${shown}"`,
            trigger: `${input}:value(${shown})`,
        },
    ];
}

registry.category("web_tour.tours").add("gserp_service_lookup", {
    steps: () => [
        {
            content: "Open the form of a new ticket",
            trigger: ".o_list_button_add",
            run: "click",
        },
        stateStep("Activo"),
        // Part of the code, in lower case
        ...lookupSteps("service_id", "uio-10", "UIO-1001 - 1710034065001 - José Quiñónez"),
        {
            content: "The client of the service is shown",
            trigger: ".o_form_view .o_field_widget[name=partner_id]:contains(José Quiñónez)",
        },
        // Part of a RUC; the suspended service of the same client is not offered
        ...lookupSteps(
            "service_id",
            "1710034",
            "UIO-1001 - 1710034065001 - José Quiñónez",
            "UIO-3003"
        ),
        // Part of a name, without its accents
        ...lookupSteps("service_id", "quinon", "UIO-1001 - 1710034065001 - José Quiñónez"),
        stateStep("Suspensión Temporal"),
        {
            content: "The active service is no longer chosen",
            trigger: ".o_form_view .o_field_widget[name=service_id] input:value()",
        },
        ...lookupSteps("service_id", "JOSE", "UIO-3003 - 1710034065001 - José Quiñónez"),
        stateStep("Sin Servicio Recurrente"),
        // A client by part of its RUC, shown as "RUC - Client"
        ...lookupSteps("partner_id", "179001", "1790011674001 - Compañía Quito S.A."),
        // Nothing fits: Consumidor Final is offered, one click away
        ...lookupSteps(
            "partner_id",
            "Administrator",
            "9999999999999 - Consumidor Final",
            "Administrator",
            true
        ),
        {
            content: "Leave the ticket unsaved",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "Back on the list",
            trigger: ".o_list_view",
        },
    ],
});
