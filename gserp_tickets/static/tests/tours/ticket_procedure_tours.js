/** @odoo-module */
// The procedure "Pasos para crear un ticket desde el GSERP", walked in the browser
// by an operator whose language is Spanish (Ecuador). Run by tests/test_tours.py,
// which creates the services and categories named here.

import { registry } from "@web/core/registry";

// Step 4: "campos de color morado son obligatorios" (see gserp_form.scss).
const PURPLE = "rgb(229, 212, 245)";

// The widget of a field of the ticket form; modifiers such as
// ".o_required_modifier" narrow it down.
function field(fieldName, modifiers = "") {
    return `.o_gserp_form .o_field_widget${modifiers}[name=${fieldName}]`;
}

const EDITOR = `${field("description")} .odoo-editor-editable`;

function inputOf(fieldName) {
    const widget = document.querySelector(field(fieldName));
    return widget?.querySelector("input, select, .odoo-editor-editable");
}

function assertPurple(fieldName, expected = true) {
    const input = inputOf(fieldName);
    if (!input) {
        throw new Error(`No input for the field ${fieldName}`);
    }
    const color = getComputedStyle(input).backgroundColor;
    if ((color === PURPLE) !== expected) {
        const wanted = expected ? "purple" : "not purple";
        throw new Error(`${fieldName}: background ${color}, expected ${wanted}`);
    }
}

function assertValue(fieldName, expected) {
    const value = inputOf(fieldName).value;
    if (value !== expected) {
        throw new Error(`${fieldName} shows "${value}", expected "${expected}"`);
    }
}

// The procedure's labels, in the order of its screenshots.
const PROCEDURE_LABELS = [
    "Estado del código",
    "Código de Servicio",
    "Campaña",
    "Medio",
    "Categoría",
    "Subcategoría",
    "Detalle",
    "Nombre Contacto",
    "Teléfono de Contacto",
    "Cédula Contacto",
    "Número de ticket",
    "Origen",
    "Creado por",
    "Prioridad",
    "Teléfono Responsable",
    "Provincia",
    "Ciudad",
    "Zona Servicio",
    "Zona Atención",
    "Inicio de Servicio",
];

function labelsStep(expected = PROCEDURE_LABELS) {
    return {
        content: "The form shows the procedure's labels, in its order",
        trigger: ".o_gserp_form .o_form_label",
        run() {
            const shown = [...document.querySelectorAll(".o_gserp_form .o_form_label")]
                .map((label) => label.textContent.replace("?", "").trim())
                .filter((label) => expected.includes(label));
            if (shown.join(" | ") !== expected.join(" | ")) {
                throw new Error(`Labels shown: ${shown.join(" | ")}`);
            }
        },
    };
}

function selectStateStep(label) {
    return {
        content: `Step 5: Estado del código "${label}"`,
        trigger: ".o_gserp_form div[name=code_state] select",
        async run(helpers) {
            const option = [...this.anchor.options].find(
                (opt) => opt.textContent.trim() === label
            );
            await helpers.select(option.value);
        },
    };
}

// Steps 1-3: the Tickets menu is open (the test starts there), press "Nuevo".
function openNewTicketSteps() {
    return [
        {
            content: "Open the form of a new ticket",
            trigger: ".o_list_button_add:contains(Nuevo)",
            run: "click",
        },
        {
            content: "The form's first group is the procedure's",
            trigger: ".o_horizontal_separator:contains(INFORMACIÓN GENERAL)",
        },
    ];
}

function pickStep(fieldName, typed, shown) {
    return [
        {
            content: `Type "${typed}" in ${fieldName}`,
            trigger: `${field(fieldName)} input`,
            run: `edit ${typed}`,
        },
        {
            content: `Pick "${shown}" from the dropdown`,
            trigger: `.o-autocomplete--dropdown-item a:contains(${shown})`,
            run: "click",
        },
        {
            content: `${fieldName} shows "${shown}"`,
            trigger: `${field(fieldName)} input:value(${shown})`,
        },
    ];
}

// Step 7: Campaña and Medio come filled.
function defaultsSteps() {
    return [
        {
            content: "Campaña and Medio keep their defaults",
            trigger: ".o_gserp_form .o_field_widget[name=medium_id] input",
            run() {
                assertValue("campaign_id", "Sin Campaña");
                assertValue("medium_id", "Website");
            },
        },
    ];
}

// Step 8: three cascading levels.
function categorySteps(category, subcategory, detail) {
    return [
        ...pickStep("category_id", category, category),
        ...pickStep("subcategory_id", subcategory, subcategory),
        ...pickStep("detail_id", detail, detail),
    ];
}

// Step 9: the person who asked for the ticket.
function contactSteps() {
    return [
        {
            content: "The category asks for a contact: its fields are purple",
            trigger: field("contact_name", ".o_required_modifier"),
            run() {
                assertPurple("contact_name");
                assertPurple("contact_phone");
                assertPurple("contact_identification");
            },
        },
        {
            trigger: ".o_gserp_form .o_field_widget[name=contact_name] input",
            run: "edit María Vivar",
        },
        {
            trigger: ".o_gserp_form .o_field_widget[name=contact_phone] input",
            run: "edit 0991234567",
        },
        {
            trigger: ".o_gserp_form .o_field_widget[name=contact_identification] input",
            run: "edit 1712345675",
        },
    ];
}

// Step 10: the description, prefilled by the category's template when it has one.
function descriptionSteps(text, template) {
    const steps = [
        {
            content: "The description is on its tab, Descripción",
            trigger: ".o_gserp_form .o_notebook .nav-link:contains(Descripción)",
            run: "click",
        },
        {
            content: "Adjuntos is the tab next to it",
            trigger: ".o_gserp_form .o_notebook .nav-link:contains(Adjuntos)",
        },
    ];
    if (template) {
        steps.push({
            content: "The category's template is already there",
            trigger: `${EDITOR}:contains(${template})`,
        });
    }
    steps.push(
        {
            content: "The description is required: purple",
            trigger: EDITOR,
            run(helpers) {
                assertPurple("description");
                return helpers.click();
            },
        },
        {
            content: "Write what must be solved",
            // Over the template's first line, or in the empty editor.
            trigger: template ? `${EDITOR} p` : EDITOR,
            run: `editor ${text}`,
        }
    );
    return steps;
}

// Step 11: save (a double click must not give two tickets), and read the number.
function saveSteps() {
    return [
        {
            content: "Save, with an impatient double click",
            trigger: ".o_form_button_save",
            run() {
                this.anchor.click();
                this.anchor.click();
            },
        },
        {
            content: "Saved: the title is the ticket's number",
            trigger: ".o_gserp_form .oe_title h1:contains(#0)",
        },
        {
            content: "Número de ticket shows the number",
            trigger: ".o_gserp_form div[name=number] span:contains(0)",
        },
        {
            trigger: `${field("origin")} select:has(option:selected:contains(Manual))`,
        },
        {
            trigger: ".o_gserp_form div[name=create_uid]:contains(Ticket Operator)",
        },
    ];
}

// Step 12: "Registrar nota", a line, the paperclip, "Registrar".
function logNoteWithAttachmentSteps() {
    return [
        {
            content: "Until a document is attached, the ticket says it is not complete",
            trigger: "div[name=missing_attachment]:contains(no está completo)",
        },
        {
            content: "Log a note",
            trigger: ".o-mail-Chatter-logNote",
            run: "click",
        },
        {
            trigger: ".o-mail-Composer-input",
            run: "edit Orden de trabajo firmada",
        },
        {
            content: "The paperclip attaches a file",
            trigger: ".o-mail-Composer .o-mail-Composer-attachFiles .fa-paperclip",
            run() {
                const input = document.querySelector(
                    ".o-mail-Composer input.o_input_file[type=file]"
                );
                const transfer = new DataTransfer();
                const file = new File(["%PDF-1.4 orden"], "orden_de_trabajo.pdf", {
                    type: "application/pdf",
                });
                transfer.items.add(file);
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "Wait for the upload",
            trigger: ".o-mail-AttachmentCard:not(.o-isUploading):contains(orden_de)",
        },
        {
            content: "Registrar",
            trigger: ".o-mail-Composer-send:contains(Registrar):enabled",
            run: "click",
        },
        {
            content: "The note is in the chatter with its file",
            trigger: ".o-mail-Message:contains(Orden de) .o-mail-AttachmentCard",
        },
        {
            content: "The ticket is complete: no banner any more",
            trigger: ".o_gserp_form:not(:has(div[name=missing_attachment]))",
        },
    ];
}

registry.category("web_tour.tours").add("gserp_ticket_procedure_active", {
    steps: () => [
        ...openNewTicketSteps(),
        {
            content: "Estado del código is required: purple",
            trigger: ".o_gserp_form div[name=code_state] select",
            run() {
                assertPurple("code_state");
                assertPurple("contact_name");
            },
        },
        selectStateStep("Activo"),
        labelsStep(),
        ...pickStep("service_id", "T-10", "T-100"),
        {
            content: "The service's client and zone show on the ticket",
            trigger: ".o_gserp_form div[name=service_zone_id]:contains(Norte)",
        },
        ...defaultsSteps(),
        ...categorySteps("Test Monitoreo", "Falsas activaciones", "Cerco eléctrico"),
        ...contactSteps(),
        ...descriptionSteps("Revisar la zona 15 del cerco eléctrico", "Zona afectada"),
        ...saveSteps(),
        ...logNoteWithAttachmentSteps(),
    ],
});

registry.category("web_tour.tours").add("gserp_ticket_procedure_no_service", {
    steps: () => [
        ...openNewTicketSteps(),
        selectStateStep("Sin Servicio Recurrente"),
        labelsStep(PROCEDURE_LABELS.filter((label) => label !== "Código de Servicio")),
        {
            content: "No service code to pick: the client is picked directly",
            trigger: ".o_gserp_form:not(:has(div[name=service_id]))",
        },
        {
            content: "Step 6.2: the fallback is Consumidor Final",
            trigger: ".o_gserp_form div[name=partner_id] input:value(Consumidor Final)",
        },
        ...defaultsSteps(),
        ...categorySteps(
            "Test Instalación",
            "Sistema de alarma",
            "Instalación nueva"
        ),
        ...contactSteps(),
        ...descriptionSteps("Cotizar un sistema de alarma para el local"),
        ...saveSteps(),
    ],
});

registry.category("web_tour.tours").add("gserp_ticket_procedure_no_contact", {
    steps: () => [
        ...openNewTicketSteps(),
        selectStateStep("Activo"),
        ...pickStep("service_id", "T-10", "T-100"),
        ...categorySteps("Test Mantenimiento", "Correctivo", "Mantenimiento Integral"),
        {
            content: "Step 9: integral maintenance needs no contact: not purple",
            trigger: field("contact_name", ":not(.o_required_modifier)"),
            run() {
                assertPurple("contact_name", false);
                assertPurple("contact_phone", false);
                assertPurple("contact_identification", false);
                assertPurple("code_state");
            },
        },
        {
            content: "Another detail asks for a contact again: purple",
            trigger: ".o_gserp_form div[name=detail_id] input",
            run: "edit Revisión",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains(Revisión de sensores)",
            run: "click",
        },
        {
            trigger: field("contact_name", ".o_required_modifier"),
            run() {
                assertPurple("contact_name");
            },
        },
        ...pickStep("detail_id", "Mantenimiento", "Mantenimiento Integral"),
        {
            trigger: field("contact_name", ":not(.o_required_modifier)"),
        },
        ...descriptionSteps("Fallas repetidas de la zona 3: mantenimiento integral"),
        ...saveSteps(),
    ],
});
