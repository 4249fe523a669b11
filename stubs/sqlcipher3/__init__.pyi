# sqlcipher3's package re-exports its DB-API module (`from sqlcipher3.dbapi2 import *`).
from sqlcipher3.dbapi2 import *  # noqa: F403
