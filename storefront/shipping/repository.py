from oscar.apps.shipping import repository

from .methods import PerProducerFlatRate


class Repository(repository.Repository):
    methods = (PerProducerFlatRate(),)
