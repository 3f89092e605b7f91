package cn.mediationdesk.gui.lead;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Drives a lead editor window the way a user does: clicks, typing, choosing from lists, with each
 * control first scrolled into the window's view. Waits are for conditions, never for a time.
 */
public final class LeadEditorRobot {
    private final FxRobot robot;

    public LeadEditorRobot(FxRobot robot) {
        this.robot = robot;
    }

    /** Waits until an editor window shows and gives it the focus (a headless stage needs it for typing). */
    public void focusEditor() throws TimeoutException {
        waitUntil(() -> robot.lookup("#lead-committee").tryQuery().filter(n -> n.getScene() != null).isPresent());
        Window window = robot.lookup("#lead-committee").query().getScene().getWindow();
        robot.interact(window::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fills the basic facts of a new lead: the district committee, 金宝社区, a walk-in neighbours' dispute. */
    public void fillBasicFacts(String foundOnOrNull, String summary) throws TimeoutException {
        choose("#lead-committee", "金宝新区人民调解委员会");
        choose("#lead-community", "金宝社区");
        if (foundOnOrNull != null) {
            type("#lead-found-on", foundOnOrNull);
        }
        choose("#lead-source", "群众来访");
        choose("#lead-type", "邻里");
        type("#lead-summary", summary);
    }

    public void choose(String query, String item) throws TimeoutException {
        click(query);
        waitUntil(() -> listCell(item).tryQuery().isPresent());
        Node cell = listCell(item).query();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private NodeQuery listCell(String text) {
        return robot.lookup((Node n) -> n instanceof ListCell<?> cell && text.equals(cell.getText()) && n.isVisible());
    }

    public void click(String query) throws TimeoutException {
        Node node = shown(query);
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces the text of a field (a date field too), typing it as a user would. */
    public void type(String query, String text) throws TimeoutException {
        TextInputControl field = (TextInputControl) shown(query);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.write(text, 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public String text(String query) {
        Node node = robot.lookup(query).query();
        return node instanceof TextInputControl input ? input.getText() : ((Label) node).getText();
    }

    /** The form field (label, input and message) that an input belongs to. */
    public Node fieldOf(String query) {
        Node input = robot.lookup(query).query();
        return input.getParent() instanceof HBox row ? row.getParent() : input.getParent();
    }

    /** The label showing exactly {@code text}, once it shows. */
    public Label label(String text) throws TimeoutException {
        waitUntil(() -> visibleLabel(text).tryQuery().isPresent());
        return visibleLabel(text).queryAs(Label.class);
    }

    private NodeQuery visibleLabel(String text) {
        return robot.lookup((Node n) -> n instanceof Label label && text.equals(label.getText()) && n.isVisible());
    }

    /** The node, once it is showing, scrolled into the editor's view. */
    public Node shown(String query) throws TimeoutException {
        waitUntil(() -> robot.lookup(query).tryQuery().filter(n -> n.isVisible() && n.getScene() != null).isPresent());
        Node node = robot.lookup(query).query();
        robot.interact(() -> reveal(node));
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }

    private void reveal(Node node) {
        ScrollPane scroll = null;
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof ScrollPane pane && "lead-scroll".equals(pane.getId())) {
                scroll = pane;
            }
        }
        if (scroll == null) {
            return; // the banner and the bottom bar do not scroll
        }
        Node content = scroll.getContent();
        Bounds bounds = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        if (room > 0) {
            scroll.setVvalue(Math.max(0, Math.min(1, (bounds.getMinY() - 60) / room)));
        }
        scroll.layout();
    }

    /** Waits for what the window is to show; a condition, not a time, decides. */
    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
