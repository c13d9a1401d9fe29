"""The day the suite's demo is laid out from, fixed once when the test run starts, and what the demo shows then.

Tests that depend on the date take it from here (or freeze it with the `demo_today` fixture), never from the wall
calendar: the suite passes on any day, and under a clock shifted with faketime.
"""

from datetime import datetime, time

from storefront.demo.calendar import demo_today

#: The demo's today for this test run (DEMO_TODAY pins it; otherwise the day the run started).
DEMO_DAY = demo_today()
#: Noon on that day, for time_machine: far from midnight in any time zone the site uses.
DEMO_NOON = datetime.combine(DEMO_DAY, time(12, 0))


def demo_content():
    """The demo's campaigns, fairs and news as load_demo laid them out for DEMO_DAY, by key or slug."""
    from storefront.demo.content import dated_content

    campaigns, fairs, news = dated_content(DEMO_DAY)
    return ({item["key"]: item for item in campaigns}, {item["key"]: item for item in fairs},
            {item["slug"]: item for item in news})
