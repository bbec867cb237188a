package org.gridcase.worktime;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    List<CalendarDay> findByCalendarDateBetweenOrderByCalendarDate(LocalDate first, LocalDate last);

    /** A bulk delete bypasses the persistence context: clear it, or days read before would be merged back. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from CalendarDay d where d.calendarDate between :first and :last")
    void deleteBetween(@Param("first") LocalDate first, @Param("last") LocalDate last);
}
