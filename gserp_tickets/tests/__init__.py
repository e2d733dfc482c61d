from . import test_ticket_procedure
from . import test_gserp_service
from . import test_gserp_ticket_category
from . import test_security
from . import test_i18n
