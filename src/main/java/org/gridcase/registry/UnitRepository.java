package org.gridcase.registry;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UnitRepository extends JpaRepository<Unit, String> {

    List<Unit> findByLevelOrderByCode(UnitLevel level);

    List<Unit> findByParentCodeOrderByCode(String parentCode);

    List<Unit> findByLevelAndParentCodeOrderByCode(UnitLevel level, String parentCode);

    /** Grids whose bounding box contains the point: the candidates for the exact test. */
    @Query("""
            select u from Unit u
            where u.level = org.gridcase.registry.UnitLevel.GRID
              and u.minLon <= :lon and u.maxLon >= :lon and u.minLat <= :lat and u.maxLat >= :lat
            order by u.code""")
    List<Unit> findGridCandidates(@Param("lat") double lat, @Param("lon") double lon);

    /** Grids whose bounding box meets the given box: the candidates for an overlap test. */
    @Query("""
            select u from Unit u
            where u.level = org.gridcase.registry.UnitLevel.GRID
              and u.minLon <= :maxLon and u.maxLon >= :minLon and u.minLat <= :maxLat and u.maxLat >= :minLat""")
    List<Unit> findGridsMeetingBox(@Param("minLon") double minLon, @Param("minLat") double minLat,
            @Param("maxLon") double maxLon, @Param("maxLat") double maxLat);
}
