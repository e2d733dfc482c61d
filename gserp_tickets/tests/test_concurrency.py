import threading

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged

THREADS = 4
TICKETS_PER_THREAD = 3


@tagged("post_install", "-at_install")
class TestConcurrentNumbers(TransactionCase):
    """Agents who save at the same moment each get a number of their own.

    Every thread works in its own transaction on the real database and commits,
    as the workers of a server do; what they commit is deleted at the end.
    """

    def _environment(self, cr):
        # Registry(dbname) waits for a lock that the test runner holds while the
        # tests run: give the new transaction the loaded registry instead.
        cr.transaction = api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {})

    def _create_tickets(self, barrier, created, failures):
        try:
            with sql_db.db_connect(self.env.cr.dbname).cursor() as cr:
                env = self._environment(cr)
                admin = env.ref("base.user_admin")
                tickets = env["gserp.ticket"].with_user(admin)
                values = {
                    "code_state": "no_service",
                    "description": "<p>Solicitud simultánea</p>",
                    "contact_name": "Agente",
                    "contact_phone": "0991234567",
                    "contact_identification": "1712345675",
                }
                # Everyone starts saving together, in one transaction each.
                barrier.wait(timeout=60)
                for _i in range(TICKETS_PER_THREAD):
                    ticket = tickets.create(dict(values))
                    created.append((ticket.id, ticket.number, ticket.company_id.id))
                # Committed like a worker's request, so the threads really race.
                cr.commit()  # pylint: disable=invalid-commit
        except Exception as error:  # reported by the test, in the main thread
            failures.append(repr(error))

    def _delete_tickets(self, ticket_ids):
        if not ticket_ids:
            return
        with sql_db.db_connect(self.env.cr.dbname).cursor() as cr:
            env = self._environment(cr)
            env["gserp.ticket"].with_context(active_test=False).browse(
                ticket_ids
            ).exists().unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_simultaneous_saves_get_distinct_numbers(self):
        barrier = threading.Barrier(THREADS)
        created, failures = [], []
        threads = [
            threading.Thread(
                target=self._create_tickets, args=(barrier, created, failures)
            )
            for _i in range(THREADS)
        ]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=60)
            self.assertFalse(any(thread.is_alive() for thread in threads))
            self.assertEqual(failures, [])
            self.assertEqual(len(created), THREADS * TICKETS_PER_THREAD)
            numbers = [(company, number) for _id, number, company in created]
            self.assertTrue(all(number for _company, number in numbers))
            self.assertEqual(len(set(numbers)), len(numbers))
        finally:
            self._delete_tickets([ticket_id for ticket_id, _n, _c in created])

    def test_shipped_sequence_does_not_lock(self):
        # A "no gap" sequence locks its row until the transaction ends: agents
        # saving together would wait for each other or fail.
        sequence = self.env.ref("gserp_tickets.seq_gserp_ticket")
        self.assertEqual(sequence.implementation, "standard")
