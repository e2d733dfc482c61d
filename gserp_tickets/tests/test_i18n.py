import polib

from odoo.tests import tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

from .common import GserpTicketsCase


@tagged("post_install", "-at_install")
class TestSpanishTranslation(GserpTicketsCase):
    """Every word the addon shows is in i18n/es.po, so nothing reaches a user of
    the Spanish procedure in English."""

    def test_every_term_is_translated(self):
        po_path = file_path("gserp_tickets/i18n/es.po")
        translated = {
            entry.msgid for entry in polib.pofile(po_path) if entry.msgstr.strip()
        }
        reader = TranslationModuleReader(self.env.cr, modules=["gserp_tickets"])
        terms = {term[4] for term in reader if term[0] == "gserp_tickets"}

        missing = sorted(terms - translated)
        self.assertFalse(missing, "Terms without a Spanish translation in es.po")

    def test_every_record_term_is_placed(self):
        """A label of a record (a field, a view, a menu) is translated through
        its place in es.po: the same words under another place stay English."""
        po_path = file_path("gserp_tickets/i18n/es.po")
        placed = {
            (entry.msgid, ":".join(part for part in occurrence if part))
            for entry in polib.pofile(po_path)
            if entry.msgstr.strip()
            for occurrence in entry.occurrences
        }
        reader = TranslationModuleReader(self.env.cr, modules=["gserp_tickets"])
        needed = {
            (term[4], f"{term[1]}:{term[2]}:{term[3]}")
            for term in reader
            if term[0] == "gserp_tickets" and term[1] in ("model", "model_terms")
        }
        missing = "\n".join(f"{place}: {msgid!r}" for msgid, place in needed - placed)
        self.assertFalse(missing, "Record terms not placed in es.po")

    def test_procedure_labels(self):
        """The form's labels are the procedure's words."""
        self._ensure_spanish()
        fields = self.env["gserp.ticket"].with_context(lang="es_EC").fields_get()
        expected = {
            "code_state": "Estado del código",
            "service_id": "Código de Servicio",
            "campaign_id": "Campaña",
            "medium_id": "Medio",
            "category_id": "Categoría",
            "subcategory_id": "Subcategoría",
            "detail_id": "Detalle",
            "contact_name": "Nombre Contacto",
            "contact_phone": "Teléfono de Contacto",
            "contact_identification": "Cédula Contacto",
            "number": "Número de ticket",
            "origin": "Origen",
            "create_uid": "Creado por",
            "priority": "Prioridad",
            "responsible_phone": "Teléfono Responsable",
            "province_id": "Provincia",
            "city": "Ciudad",
            "service_zone_id": "Zona Servicio",
            "attention_zone_id": "Zona Atención",
            "service_start": "Inicio de Servicio",
            "description": "Descripción",
        }
        shown = {name: fields[name]["string"] for name in expected}
        self.assertEqual(shown, expected)
        states = dict(fields["code_state"]["selection"])
        self.assertEqual(
            states,
            {
                "active": "Activo",
                "inactive": "Desactivo",
                "suspended": "Suspensión Temporal",
                "no_service": "Sin Servicio Recurrente",
            },
        )
