package nl.leefwereld.identity;

import java.util.Map;

/**
 * How many households live in each district, for the warning before a district changes team (who gains and who loses
 * access to how many households). Implemented by the household module; identity does not know households.
 */
public interface DistrictOccupancy {

    /** District code → number of households; districts without households may be absent. */
    Map<String, Long> householdsPerDistrict(String municipalityCode);
}
