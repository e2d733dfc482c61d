from . import gserp_ticket
from . import gserp_ticket_category
from . import gserp_service
from . import gserp_zone
