from . import gserp_phone_mixin
from . import gserp_ticket
from . import gserp_ticket_assignment
from . import gserp_ticket_duplicate
from . import gserp_ticket_contact
from . import gserp_ticket_mail
from . import gserp_ticket_sla
from . import gserp_ticket_category
from . import gserp_ticket_stage
from . import gserp_ticket_team
from . import gserp_service
from . import gserp_zone
from . import ir_attachment
from . import res_partner

# Last, so that its checks run before the other overrides read the values.
from . import gserp_ticket_input
