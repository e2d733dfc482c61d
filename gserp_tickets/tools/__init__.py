from . import ec_identity
from . import phone
from . import search_key
